import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation } from "../../api/useVersionedMutation";

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

/** Where a seat change shows: the seats and the roundtable's composition (re-read after it). */
const seatKeys = (roundtableId: string) => [
  queryKeys.roundtables.seats(roundtableId),
  queryKeys.roundtables.composition(roundtableId),
];

export function useCreateSeat(roundtableId: string) {
  return useVersionedMutation({
    version: () => undefined, // a new seat has no version yet
    request: (body: SeatCreate) =>
      unwrap(
        api.POST("/api/v1/roundtables/{roundtable_id}/seats", {
          params: { path: { roundtable_id: roundtableId } },
          body,
        }),
      ),
    keys: () => seatKeys(roundtableId),
  });
}

export function useUpdateSeat(roundtableId: string) {
  return useVersionedMutation({
    version: ({ seat }: { seat: Seat; body: SeatUpdate }) => seat.version,
    request: ({ seat, body }, ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/seats/{seat_id}", {
          params: { path: { seat_id: seat.id }, header: ifMatch },
          body,
        }),
      ),
    keys: () => seatKeys(roundtableId),
  });
}

/** The roles a seat manager may give: facilitator only with `seats:assign_facilitator`. */
export function assignableRoles(permissions: readonly string[]): SeatRole[] {
  const roles: SeatRole[] = ["host", "member", "observer"];
  return permissions.includes("seats:assign_facilitator") ? ["facilitator", ...roles] : roles;
}
