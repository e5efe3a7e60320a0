import { useQueries, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type MeetingSummary = components["schemas"]["MeetingSummary"];
export type Invitation = components["schemas"]["InvitationRead"];

export function useRoundtableMeetings(roundtableId: string) {
  return useCursorList(["roundtables", roundtableId, "meetings"], (cursor) =>
    unwrap(
      api.GET("/api/v1/roundtables/{roundtable_id}/meetings", {
        params: {
          path: { roundtable_id: roundtableId },
          query: { sort: "-starts_at", limit: 25, cursor },
        },
      }),
    ),
  );
}

/** My upcoming meetings across my roundtables, soonest first. `from` is fixed per mount. */
export function useUpcomingMeetings(from: string, limit = 10) {
  return useQuery({
    queryKey: ["meetings", "upcoming", from, limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/meetings", { params: { query: { from, sort: "starts_at", limit } } }),
      ),
  });
}

/** Recently held meetings (newest first): where minutes may be circulating. */
export function useRecentHeldMeetings(limit = 10) {
  return useQuery({
    queryKey: ["meetings", "held", limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/meetings", {
          params: { query: { status: "held", sort: "-starts_at", limit } },
        }),
      ),
  });
}

/** The invitations of a few meetings (to find my RSVP). */
export function useInvitations(meetingIds: string[]) {
  return useQueries({
    queries: meetingIds.map((meetingId) => ({
      queryKey: ["meetings", meetingId, "invitations"],
      queryFn: () =>
        unwrap(
          api.GET("/api/v1/meetings/{meeting_id}/invitations", {
            params: { path: { meeting_id: meetingId } },
          }),
        ),
    })),
  });
}

/** My seat's invitation, found by my stakeholder id from /me. */
export function myInvitation(
  invitations: Invitation[] | undefined,
  stakeholderId: string | null | undefined,
): Invitation | undefined {
  if (!invitations || !stakeholderId) return undefined;
  return invitations.find((invitation) => invitation.stakeholder_id === stakeholderId);
}
