import type { SearchHit } from "./api";

/** Where a hit opens: knowledge and decisions have pages; minutes open in their roundtable. */
export function hitHref(
  hit: Pick<SearchHit, "entity_type" | "entity_id" | "roundtable_id">,
): string {
  switch (hit.entity_type) {
    case "knowledge_item":
      return `/knowledge/${hit.entity_id}`;
    case "decision":
      return `/decisions/${hit.entity_id}`;
    default:
      return hit.roundtable_id ? `/roundtables/${hit.roundtable_id}?tab=meetings` : "/roundtables";
  }
}
