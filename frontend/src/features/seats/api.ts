import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { etagFor, useCursorList } from "../../api/hooks";
import { ApiError, unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";

export type Seat = components["schemas"]["SeatRead"];
export type SeatCreate = components["schemas"]["SeatCreate"];
export type SeatUpdate = components["schemas"]["SeatUpdate"];
export type SeatRole = components["schemas"]["Role"];
export type Permission = components["schemas"]["Permission"];
export type Stakeholder = components["schemas"]["StakeholderRead"];

/** Every seat of a roundtable, current and past. */
export function useRoundtableSeats(roundtableId: string) {
  return useCursorList(queryKeys.roundtables.seats(roundtableId), (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables/{roundtable_id}/seats", {
        params: { path: { roundtable_id: roundtableId }, query: { limit: 200, cursor } },
      }),
    ),
  );
}

/** Stakeholders whose name matches `q` (for the picker); nothing is asked for an empty query. */
export function useStakeholderSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.stakeholders.search(q),
    queryFn: () => unwrap(api.GET("/api/v1/stakeholders", { params: { query: { q, limit: 20 } } })),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
}

/** A seat change: on success (and on 412, to show the latest) re-read the seats and composition. */
function useSeatMutation<V, R>(roundtableId: string, mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.roundtables.seats(roundtableId) });
    void queryClient.invalidateQueries({
      queryKey: queryKeys.roundtables.composition(roundtableId),
    });
  };
  return useMutation({
    mutationFn,
    onSuccess: refresh,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) refresh();
    },
  });
}

export function useCreateSeat(roundtableId: string) {
  return useSeatMutation(roundtableId, (body: SeatCreate) =>
    unwrap(
      api.POST("/api/v1/roundtables/{roundtable_id}/seats", {
        params: { path: { roundtable_id: roundtableId } },
        body,
      }),
    ),
  );
}

export function useUpdateSeat(roundtableId: string) {
  return useSeatMutation(roundtableId, ({ seat, body }: { seat: Seat; body: SeatUpdate }) =>
    unwrap(
      api.PATCH("/api/v1/seats/{seat_id}", {
        params: { path: { seat_id: seat.id }, header: { "if-match": etagFor(seat.version) } },
        body,
      }),
    ),
  );
}

/** The roles a seat manager may give: facilitator only with `seats:assign_facilitator`. */
export function assignableRoles(permissions: readonly string[]): SeatRole[] {
  const roles: SeatRole[] = ["host", "member", "observer"];
  return permissions.includes("seats:assign_facilitator") ? ["facilitator", ...roles] : roles;
}
