import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type KnowledgeItemSummary = components["schemas"]["KnowledgeItemSummary"];

export function useKnowledgeItems(
  filters: { roundtableId?: string; library?: boolean },
  limit = 25,
) {
  return useCursorList(["knowledge", "list", filters, limit], (cursor) =>
    unwrap(
      api.GET("/api/v1/knowledge-items", {
        params: {
          query: {
            roundtable_id: filters.roundtableId,
            library: filters.library || undefined,
            limit,
            cursor,
          },
        },
      }),
    ),
  );
}
