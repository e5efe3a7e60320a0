import { pickLang, useLang } from "../../i18n/useLang";
import { useSectors, type Sector } from "./api";

/** Sector names (in the UI language) and colours by id; unknown ids fall back to a dash. */
export function useSectorLookup() {
  const lang = useLang();
  const sectors = useSectors();
  const byId = new Map<string, Sector>((sectors.data?.items ?? []).map((s) => [s.id, s]));
  return {
    name: (id: string | null | undefined) => {
      const s = id ? byId.get(id) : undefined;
      return s ? pickLang(lang, s.name_he, s.name_en) : "—";
    },
    colour: (id: string | null | undefined) => (id ? byId.get(id)?.colour : undefined) ?? "#868e96",
    order: (id: string | null | undefined) => (id ? byId.get(id)?.position : undefined) ?? 999,
  };
}
