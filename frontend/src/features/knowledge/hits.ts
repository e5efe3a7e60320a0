import type { SearchHit } from "./api";

/** Where a hit opens: knowledge, decisions and meetings have pages; the rest open in their roundtable. */
export function hitHref(
  hit: Pick<SearchHit, "entity_type" | "entity_id" | "roundtable_id">,
): string {
  switch (hit.entity_type) {
    case "knowledge_item":
      return `/knowledge/${hit.entity_id}`;
    case "decision":
      return `/decisions/${hit.entity_id}`;
    case "meeting":
      return `/meetings/${hit.entity_id}`;
    default:
      return hit.roundtable_id ? `/roundtables/${hit.roundtable_id}?tab=meetings` : "/roundtables";
  }
}
