import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type DecisionSummary = components["schemas"]["DecisionSummary"];
export type DecisionStatus = components["schemas"]["DecisionStatus"];

export function useDecisions(
  filters: { roundtableId?: string; status?: DecisionStatus[] },
  limit = 25,
) {
  return useCursorList(["decisions", "list", filters, limit], (cursor) =>
    unwrap(
      api.GET("/api/v1/decisions", {
        params: {
          query: {
            roundtable_id: filters.roundtableId,
            status: filters.status?.length ? filters.status : undefined,
            limit,
            cursor,
          },
        },
      }),
    ),
  );
}
