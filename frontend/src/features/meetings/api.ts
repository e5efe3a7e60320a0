import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useCursorList } from "../../api/hooks";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation } from "../../api/useVersionedMutation";
import { knowledgeItemQuery } from "../../shared/lookups";

export {
  useMeeting,
  useRoundtableMeetings,
  type Meeting,
  type MeetingSummary,
} from "../../shared/lookups";
import type { Meeting } from "../../shared/lookups";
import { useCreateMutation } from "../../api/useCreateMutation";

export type Invitation = components["schemas"]["InvitationRead"];

/**
 * My upcoming meetings across my roundtables, soonest first. `from` is fixed per mount. A cancelled
 * meeting is not upcoming: the API's status filter takes one status, so those are left out here.
 */
export function useUpcomingMeetings(from: string, limit = 10) {
  return useQuery({
    queryKey: queryKeys.meetings.upcoming(from, limit),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/meetings", { params: { query: { from, sort: "starts_at", limit } } }),
      ),
    select: (page) => ({ ...page, items: page.items.filter((m) => m.status !== "cancelled") }),
  });
}

/** Recently held meetings (newest first): where minutes may be circulating. */
export function useRecentHeldMeetings(limit = 10) {
  return useQuery({
    queryKey: queryKeys.meetings.held(limit),
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
      queryKey: queryKeys.meetings.invitations(meetingId),
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

// --- the meeting page ----------------------------------------------------------------------------

export type MeetingCreate = components["schemas"]["MeetingCreate"];
export type MeetingStatus = components["schemas"]["MeetingStatus"];
export type MeetingMode = components["schemas"]["MeetingMode"];
export type Agenda = components["schemas"]["Agenda"];
export type AgendaItem = components["schemas"]["AgendaItemRead"];
export type AgendaItemCreate = components["schemas"]["AgendaItemCreate"];
export type AgendaItemUpdate = components["schemas"]["AgendaItemUpdate"];
export type InvitationList = components["schemas"]["InvitationList"];
export type RsvpResponse = components["schemas"]["RsvpResponse"];
export type AttendanceReport = components["schemas"]["AttendanceReport"];
export type AttendanceEntry = components["schemas"]["AttendanceEntry"];
export type AttendanceStatus = components["schemas"]["AttendanceStatus"];
export type SpeakingReport = components["schemas"]["SpeakingReport"];
export type SpeakingTurnCreate = components["schemas"]["SpeakingTurnCreate"];
export type ProcessNote = components["schemas"]["ProcessNoteRead"];

export function useCreateMeeting(roundtableId: string) {
  const queryClient = useQueryClient();
  return useCreateMutation({
    mutationFn: (body: MeetingCreate) =>
      unwrap(
        api.POST("/api/v1/roundtables/{roundtable_id}/meetings", {
          params: { path: { roundtable_id: roundtableId } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({
        queryKey: queryKeys.roundtables.meetings(roundtableId),
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.meetings.upcoming() });
    },
  });
}

export function useTransitionMeeting(meeting: Meeting | undefined) {
  const queryClient = useQueryClient();
  return useVersionedMutation({
    version: () => meeting?.version,
    request: ({ status, reason }: { status: MeetingStatus; reason?: string }, ifMatch) =>
      unwrap(
        api.POST("/api/v1/meetings/{meeting_id}/transition", {
          params: { path: { meeting_id: meeting!.id }, header: ifMatch },
          body: { status, reason: reason || null },
        }),
      ),
    keys: () => (meeting ? [queryKeys.meetings.one(meeting.id)] : []),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.meetings.one(updated.id), updated);
      void queryClient.invalidateQueries({
        queryKey: queryKeys.roundtables.meetings(updated.roundtable_id),
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.meetings.agenda(updated.id) });
    },
  });
}

// --- agenda --------------------------------------------------------------------------------------

export function useAgenda(meetingId: string) {
  return useQuery({
    queryKey: queryKeys.meetings.agenda(meetingId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/meetings/{meeting_id}/agenda", {
          params: { path: { meeting_id: meetingId } },
        }),
      ),
    // Others change these too (proposals, answers): read afresh whenever a tab shows them.
    staleTime: 0,
  });
}

export function useAgendaMutations(meetingId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.meetings.agenda(meetingId) });
  const create = useCreateMutation({
    mutationFn: (body: AgendaItemCreate) =>
      unwrap(
        api.POST("/api/v1/meetings/{meeting_id}/agenda-items", {
          params: { path: { meeting_id: meetingId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
  const keys = () => [queryKeys.meetings.agenda(meetingId)];
  const update = useVersionedMutation({
    version: ({ item }: { item: AgendaItem; body: AgendaItemUpdate }) => item.version,
    request: ({ item, body }, ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/agenda-items/{item_id}", {
          params: { path: { item_id: item.id }, header: ifMatch },
          body,
        }),
      ),
    keys,
  });
  const remove = useVersionedMutation({
    version: (item: AgendaItem) => item.version,
    request: (item, ifMatch) =>
      unwrap(
        api.DELETE("/api/v1/agenda-items/{item_id}", {
          params: { path: { item_id: item.id }, header: ifMatch },
        }),
      ),
    keys,
  });
  const review = useVersionedMutation({
    version: ({ item }: { item: AgendaItem; status: "accepted" | "declined" }) => item.version,
    request: ({ item, status }, ifMatch) =>
      unwrap(
        api.POST("/api/v1/agenda-items/{item_id}/review", {
          params: { path: { item_id: item.id }, header: ifMatch },
          body: { status },
        }),
      ),
    keys,
  });
  const reorder = useMutation({
    mutationFn: (itemIds: string[]) =>
      unwrap(
        api.PUT("/api/v1/meetings/{meeting_id}/agenda/order", {
          params: { path: { meeting_id: meetingId } },
          body: { item_ids: itemIds },
        }),
      ),
    onSuccess: (agenda) => queryClient.setQueryData(queryKeys.meetings.agenda(meetingId), agenda),
    onError: refresh,
  });
  return { create, update, remove, review, reorder };
}

// --- invitations and RSVP ------------------------------------------------------------------------

export function useMeetingInvitations(meetingId: string) {
  return useQuery({
    queryKey: queryKeys.meetings.invitations(meetingId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/meetings/{meeting_id}/invitations", {
          params: { path: { meeting_id: meetingId } },
        }),
      ),
    // Others change these too (proposals, answers): read afresh whenever a tab shows them.
    staleTime: 0,
  });
}

export function useInviteAll(meetingId: string) {
  const queryClient = useQueryClient();
  return useCreateMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/meetings/{meeting_id}/invitations", {
          params: { path: { meeting_id: meetingId } },
          body: {},
        }),
      ),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.meetings.invitations(meetingId), list),
  });
}

export function useRsvp(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { response: RsvpResponse; note: string | null; seat_id?: string | null }) =>
      unwrap(
        api.PUT("/api/v1/meetings/{meeting_id}/rsvp", {
          params: { path: { meeting_id: meetingId } },
          body,
        }),
      ),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.meetings.invitations(meetingId), list),
  });
}

// --- attendance ----------------------------------------------------------------------------------

export function useAttendance(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.meetings.attendance(meetingId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/meetings/{meeting_id}/attendance", {
          params: { path: { meeting_id: meetingId } },
        }),
      ),
    enabled,
  });
}

export function useRecordAttendance(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: AttendanceEntry[]) =>
      unwrap(
        api.PUT("/api/v1/meetings/{meeting_id}/attendance", {
          params: { path: { meeting_id: meetingId } },
          body: { entries },
        }),
      ),
    onSuccess: (report) =>
      queryClient.setQueryData(queryKeys.meetings.attendance(meetingId), report),
  });
}

// --- speaking turns ------------------------------------------------------------------------------

export function useSpeakingReport(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.meetings.speaking(meetingId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/meetings/{meeting_id}/speaking-turns", {
          params: { path: { meeting_id: meetingId } },
        }),
      ),
    enabled,
  });
}

export function useAddSpeakingTurn(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SpeakingTurnCreate) =>
      unwrap(
        api.POST("/api/v1/meetings/{meeting_id}/speaking-turns", {
          params: { path: { meeting_id: meetingId } },
          body,
        }),
      ),
    onSuccess: (report) => queryClient.setQueryData(queryKeys.meetings.speaking(meetingId), report),
  });
}

// --- process notes (facilitators only) -----------------------------------------------------------

export function useProcessNotes(meetingId: string) {
  return useCursorList(queryKeys.meetings.processNotes(meetingId), (cursor) =>
    unwrap(
      api.GET("/api/v1/meetings/{meeting_id}/process-notes", {
        params: { path: { meeting_id: meetingId }, query: { cursor, limit: 50 } },
      }),
    ),
  );
}

export function useProcessNoteMutations(meetingId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.meetings.processNotes(meetingId) });
  const create = useCreateMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST("/api/v1/meetings/{meeting_id}/process-notes", {
          params: { path: { meeting_id: meetingId } },
          body: { body },
        }),
      ),
    onSuccess: refresh,
  });
  const update = useVersionedMutation({
    version: ({ note }: { note: ProcessNote; body: string }) => note.version,
    request: ({ note, body }, ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/process-notes/{note_id}", {
          params: { path: { note_id: note.id }, header: ifMatch },
          body: { body },
        }),
      ),
    keys: () => [queryKeys.meetings.processNotes(meetingId)],
  });
  return { create, update };
}

/** Titles of knowledge items (a briefing pack), one cached read each (shared with the item page). */
export function useKnowledgeTitles(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({ ...knowledgeItemQuery(id), staleTime: 5 * 60_000 })),
  });
}
