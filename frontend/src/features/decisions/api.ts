import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation } from "../../api/useVersionedMutation";

export { useDecision, type Decision } from "../../shared/lookups";
import type { Decision } from "../../shared/lookups";
import type { Me, Permission } from "../../shared/session/me";
import { useCreateMutation } from "../../api/useCreateMutation";

export type DecisionSummary = components["schemas"]["DecisionSummary"];
export type DecisionStatus = components["schemas"]["DecisionStatus"];
export type DecisionKind = components["schemas"]["DecisionKind"];
export type DecisionCreate = components["schemas"]["DecisionCreate"];
export type SectorEndorsement = components["schemas"]["SectorEndorsement"];
export type Endorsement = components["schemas"]["EndorsementRead"];
export type EndorsementPosition = components["schemas"]["EndorsementPosition"];
export type { Sector } from "../../shared/sectors";

export const DECISION_KINDS: DecisionKind[] = [
  "agreement",
  "understanding",
  "recommendation",
  "policy_decision",
];
export const POSITIONS: EndorsementPosition[] = ["supports", "reservations", "objects"];

export function useDecisions(
  filters: { roundtableId?: string; status?: DecisionStatus[] },
  limit = 25,
) {
  return useCursorList(queryKeys.decisions.list(filters, limit), (cursor) =>
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

export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useCreateMutation({
    mutationFn: ({ roundtableId, body }: { roundtableId: string; body: DecisionCreate }) =>
      unwrap(
        api.POST("/api/v1/roundtables/{roundtable_id}/decisions", {
          params: { path: { roundtable_id: roundtableId } },
          body,
        }),
      ),
    onSuccess: (decision) => {
      queryClient.setQueryData(queryKeys.decisions.one(decision.id), decision);
      void queryClient.invalidateQueries({ queryKey: queryKeys.decisions.lists });
    },
  });
}

/** After a change: the decision as the API answered, and every list re-read. */
function useDecisionChanged() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (decision: Decision) => {
      queryClient.setQueryData(queryKeys.decisions.one(decision.id), decision);
      void queryClient.invalidateQueries({ queryKey: queryKeys.decisions.lists });
    },
  };
}

export function useTransitionDecision(decision: Decision) {
  const changed = useDecisionChanged();
  return useVersionedMutation({
    version: () => decision.version,
    request: (
      body: { status: DecisionStatus; note?: string | null; adoption_reference?: string | null },
      ifMatch,
    ) =>
      unwrap(
        api.POST("/api/v1/decisions/{decision_id}/transition", {
          params: { path: { decision_id: decision.id }, header: ifMatch },
          body,
        }),
      ),
    keys: () => [queryKeys.decisions.one(decision.id)],
    onSuccess: changed.onSuccess,
  });
}

export function useEndorse(decisionId: string) {
  const changed = useDecisionChanged();
  return useMutation({
    mutationFn: (body: {
      position: EndorsementPosition;
      comment?: string | null;
      seat_id?: string | null;
    }) =>
      unwrap(
        api.PUT("/api/v1/decisions/{decision_id}/endorsement", {
          params: { path: { decision_id: decisionId } },
          body,
        }),
      ),
    ...changed,
  });
}

// --- rules the UI mirrors (the API stays the authority) -------------------------------------------

/** The lifecycle, as the API allows it. */
export const TRANSITIONS: Record<DecisionStatus, DecisionStatus[]> = {
  proposed: ["in_discussion", "rejected", "withdrawn"],
  in_discussion: ["agreed", "rejected", "withdrawn"],
  agreed: ["adopted", "in_discussion", "rejected"],
  adopted: ["implemented"],
  implemented: [],
  rejected: [],
  withdrawn: [],
};

/** Who may move a decision into each status: facilitators steer, the government host adopts. */
const TRANSITION_PERMISSIONS: Partial<Record<DecisionStatus, Permission[]>> = {
  in_discussion: ["decisions:steer"],
  agreed: ["decisions:steer"],
  rejected: ["decisions:steer"],
  withdrawn: ["decisions:steer"],
  adopted: ["decisions:adopt"],
  implemented: ["decisions:adopt", "decisions:steer"],
};

/** The moves the caller may make from `status`, given their permissions in the roundtable. */
export function allowedTransitions(
  status: DecisionStatus,
  permissions: readonly string[],
  isProposer = false,
): DecisionStatus[] {
  return TRANSITIONS[status].filter(
    (target) =>
      (target === "withdrawn" && isProposer) ||
      (TRANSITION_PERMISSIONS[target] ?? []).some((p) => permissions.includes(p)),
  );
}

/** Statuses in which seats may still give their word. */
export const ENDORSABLE: DecisionStatus[] = ["proposed", "in_discussion", "agreed"];

/** The board's columns, in lifecycle order; closed decisions are kept apart (collapsed). */
export const BOARD_COLUMNS: DecisionStatus[] = [
  "proposed",
  "in_discussion",
  "agreed",
  "adopted",
  "implemented",
];
export const CLOSED_STATUSES: DecisionStatus[] = ["rejected", "withdrawn"];

export interface BoardGroups<T> {
  columns: { status: DecisionStatus; items: T[] }[];
  closed: T[];
}

/** Decisions by board column, keeping the API's order within each column. */
export function groupForBoard<T extends { status: DecisionStatus }>(items: T[]): BoardGroups<T> {
  const columns = BOARD_COLUMNS.map((status) => ({ status, items: [] as T[] }));
  const closed: T[] = [];
  for (const item of items) {
    const column = columns.find((c) => c.status === item.status);
    if (column) column.items.push(item);
    else closed.push(item);
  }
  return { columns, closed };
}

/** My seats at a roundtable that may give their word (not as observer). */
export function myEndorsingSeats(me: Me | undefined, roundtableId: string) {
  const mine = me?.roundtables.find((r) => r.roundtable_id === roundtableId);
  if (!mine || !mine.permissions.includes("decisions:endorse")) return [];
  const today = new Date().toISOString().slice(0, 10);
  return mine.seats.filter(
    (seat) => seat.role !== "observer" && (!seat.ended_on || seat.ended_on >= today),
  );
}
