import { pickLang, useLang } from "../../i18n/useLang";
import { useAdminSectors } from "./api";

/** Sectors as select options, and their names and colours by id. */
export function useSectorOptions() {
  const lang = useLang();
  const sectors = useAdminSectors();
  return {
    options: sectors.items.map((s) => ({
      value: s.id,
      label: pickLang(lang, s.name_he, s.name_en),
    })),
    nameOf: (id: string | null | undefined) => {
      const sector = sectors.items.find((s) => s.id === id);
      return sector ? pickLang(lang, sector.name_he, sector.name_en) : "—";
    },
    colourOf: (id: string | null | undefined) => sectors.items.find((s) => s.id === id)?.colour,
  };
}
