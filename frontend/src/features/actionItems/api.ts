import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation } from "../../api/useVersionedMutation";
import { useCreateMutation } from "../../api/useCreateMutation";

export type ActionItem = components["schemas"]["ActionItemRead"];
export type ActionItemStatus = components["schemas"]["ActionItemStatus"];
export type ActionItemCreate = components["schemas"]["ActionItemCreate"];

export const ACTION_STATUSES: ActionItemStatus[] = ["open", "in_progress", "done", "dropped"];

/** My action items that are still open or in progress (overdue ones carry `overdue`). */
export function useMyOpenActionItems(limit = 20) {
  return useCursorList(queryKeys.actionItems.mineOpen(limit), (cursor) =>
    unwrap(
      api.GET("/api/v1/action-items", {
        params: {
          query: { mine: true, status: ["open", "in_progress"], sort: "due_date", limit, cursor },
        },
      }),
    ),
  );
}

export interface ActionItemFilters {
  mine?: boolean;
  roundtableId?: string;
  decisionId?: string;
  status?: ActionItemStatus[];
  overdue?: boolean;
}

export function useActionItems(filters: ActionItemFilters, limit = 50) {
  return useCursorList(queryKeys.actionItems.list(filters, limit), (cursor) =>
    unwrap(
      api.GET("/api/v1/action-items", {
        params: {
          query: {
            mine: filters.mine || undefined,
            roundtable_id: filters.roundtableId,
            decision_id: filters.decisionId,
            status: filters.status?.length ? filters.status : undefined,
            overdue: filters.overdue || undefined,
            sort: "due_date",
            limit,
            cursor,
          },
        },
      }),
    ),
  );
}

/** Current seats of a roundtable: who may own an action item there. */
export function useCurrentSeats(roundtableId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.roundtables.currentSeats(roundtableId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/roundtables/{roundtable_id}/seats", {
          params: { path: { roundtable_id: roundtableId }, query: { current: true, limit: 200 } },
        }),
      ),
    enabled,
  });
}

export function useCreateActionItem(roundtableId: string) {
  const queryClient = useQueryClient();
  return useCreateMutation({
    mutationFn: (body: ActionItemCreate) =>
      unwrap(
        api.POST("/api/v1/roundtables/{roundtable_id}/action-items", {
          params: { path: { roundtable_id: roundtableId } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.actionItems.all }),
  });
}

export function useUpdateActionItemStatus() {
  return useVersionedMutation({
    version: ({ item }: { item: ActionItem; status: ActionItemStatus }) => item.version,
    request: ({ item, status }, ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/action-items/{item_id}", {
          params: { path: { item_id: item.id }, header: ifMatch },
          body: { status },
        }),
      ),
    keys: () => [queryKeys.actionItems.all],
  });
}

/** May I change this item's status? Managers any; an owner their own. */
export function canUpdateStatus(
  item: Pick<ActionItem, "owner_stakeholder_id">,
  permissions: readonly string[],
  myStakeholderId: string | null | undefined,
): boolean {
  if (permissions.includes("action_items:manage")) return true;
  return (
    permissions.includes("action_items:update_own") &&
    !!myStakeholderId &&
    item.owner_stakeholder_id === myStakeholderId
  );
}
