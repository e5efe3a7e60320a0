import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { pickLang, useLang } from "../../i18n/useLang";

export type Sector = components["schemas"]["SectorRead"];

/**
 * Every sector (names, colours, order): the one query for them, cached once under
 * `queryKeys.sectors` for charts, badges, pickers and the admin table alike. There are a handful
 * of sectors, so one page of 200 holds them all; they change rarely.
 */
export function useSectors() {
  return useCursorList(
    queryKeys.sectors,
    (cursor) => unwrap(api.GET("/api/v1/sectors", { params: { query: { limit: 200, cursor } } })),
    { staleTime: 10 * 60_000 },
  );
}

const UNKNOWN_COLOUR = "#868e96";

/** Sectors by id in the UI language: name, colour, order, and as select options. */
export function useSectorLookup() {
  const lang = useLang();
  const sectors = useSectors();
  const byId = new Map<string, Sector>(sectors.items.map((s) => [s.id, s]));
  const get = (id: string | null | undefined) => (id ? byId.get(id) : undefined);
  return {
    sectors,
    /** The sector's name; a dash for an unknown id. */
    name: (id: string | null | undefined) => {
      const s = get(id);
      return s ? pickLang(lang, s.name_he, s.name_en) : "—";
    },
    colour: (id: string | null | undefined) => get(id)?.colour ?? UNKNOWN_COLOUR,
    order: (id: string | null | undefined) => get(id)?.position ?? 999,
    options: sectors.items.map((s) => ({
      value: s.id,
      label: pickLang(lang, s.name_he, s.name_en),
    })),
  };
}
