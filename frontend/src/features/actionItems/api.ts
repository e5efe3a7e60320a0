import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type ActionItem = components["schemas"]["ActionItemRead"];

/** My action items that are still open or in progress (overdue ones carry `overdue`). */
export function useMyOpenActionItems(limit = 20) {
  return useCursorList(["action-items", "mine", "open", limit], (cursor) =>
    unwrap(
      api.GET("/api/v1/action-items", {
        params: {
          query: { mine: true, status: ["open", "in_progress"], sort: "due_date", limit, cursor },
        },
      }),
    ),
  );
}
