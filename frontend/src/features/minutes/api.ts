import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCursorList } from "../../api/hooks";
import { api } from "../../api/client";
import { ApiError, unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation } from "../../api/useVersionedMutation";
import { useCreateMutation } from "../../api/useCreateMutation";

export type Minutes = components["schemas"]["MinutesRead"];

/** The minutes of each meeting; `null` where a meeting has none yet (404). */
export function useMeetingsMinutes(meetingIds: string[]) {
  return useQueries({
    queries: meetingIds.map((meetingId) => ({
      queryKey: queryKeys.meetings.minutes(meetingId),
      queryFn: async (): Promise<Minutes | null> => {
        try {
          return await unwrap(
            api.GET("/api/v1/meetings/{meeting_id}/minutes", {
              params: { path: { meeting_id: meetingId } },
            }),
          );
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    })),
  });
}

// --- the minutes on the meeting page -------------------------------------------------------------

export type MinutesComment = components["schemas"]["MinutesCommentRead"];
export type MinutesStatus = components["schemas"]["MinutesStatus"];
export type MinutesDiff = components["schemas"]["MinutesDiff"];

/** A meeting's minutes; `null` when there are none yet, or only a draft the caller may not read. */
export function useMeetingMinutes(meetingId: string) {
  return useQuery({
    queryKey: queryKeys.meetings.minutes(meetingId),
    queryFn: async (): Promise<Minutes | null> => {
      try {
        return await unwrap(
          api.GET("/api/v1/meetings/{meeting_id}/minutes", {
            params: { path: { meeting_id: meetingId } },
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useMinutesMutations(meetingId: string) {
  const queryClient = useQueryClient();
  const store = (minutes: Minutes) =>
    queryClient.setQueryData(queryKeys.meetings.minutes(meetingId), minutes);
  const create = useCreateMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST("/api/v1/meetings/{meeting_id}/minutes", {
          params: { path: { meeting_id: meetingId } },
          body: { body },
        }),
      ),
    onSuccess: store,
  });
  const keys = () => [queryKeys.meetings.minutes(meetingId)];
  /** Save the draft with If-Match: a 412 means someone else saved meanwhile (nothing is stored). */
  const save = useVersionedMutation({
    version: ({ minutes }: { minutes: Minutes; body: string }) => minutes.version,
    request: ({ minutes, body }, ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/minutes/{minutes_id}", {
          params: { path: { minutes_id: minutes.id }, header: ifMatch },
          body: { body },
        }),
      ),
    keys,
    onSuccess: store,
  });
  const transition = useVersionedMutation({
    version: ({ minutes }: { minutes: Minutes; status: MinutesStatus }) => minutes.version,
    request: ({ minutes, status }, ifMatch) =>
      unwrap(
        api.POST("/api/v1/minutes/{minutes_id}/transition", {
          params: { path: { minutes_id: minutes.id }, header: ifMatch },
          body: { status },
        }),
      ),
    keys,
    onSuccess: (minutes) => {
      store(minutes);
      void queryClient.invalidateQueries({ queryKey: queryKeys.minutes.one(minutes.id) });
    },
  });
  const correct = useVersionedMutation({
    version: ({ minutes }: { minutes: Minutes; reason: string }) => minutes.version,
    request: ({ minutes, reason }, ifMatch) =>
      unwrap(
        api.POST("/api/v1/minutes/{minutes_id}/corrections", {
          params: { path: { minutes_id: minutes.id }, header: ifMatch },
          body: { reason },
        }),
      ),
    keys,
    onSuccess: store,
  });
  return { create, save, transition, correct };
}

export function useMinutesComments(minutesId: string, enabled = true) {
  return useCursorList(
    queryKeys.minutes.comments(minutesId),
    (cursor) =>
      unwrap(
        api.GET("/api/v1/minutes/{minutes_id}/comments", {
          params: { path: { minutes_id: minutesId }, query: { cursor, limit: 100 } },
        }),
      ),
    { enabled: enabled && !!minutesId },
  );
}

export function useAddComment(minutesId: string) {
  const queryClient = useQueryClient();
  return useCreateMutation({
    mutationFn: (body: { body: string; paragraph: number | null }) =>
      unwrap(
        api.POST("/api/v1/minutes/{minutes_id}/comments", {
          params: { path: { minutes_id: minutesId } },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.minutes.comments(minutesId) }),
  });
}

/** `version` is the minutes' version: a draft revision's text changes, and with it the diff. */
export function useMinutesDiff(
  minutesId: string,
  version: number,
  from: number | null,
  to: number | null,
) {
  return useQuery({
    queryKey: queryKeys.minutes.diff(minutesId, version, from, to),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/minutes/{minutes_id}/diff", {
          params: { path: { minutes_id: minutesId }, query: { from: from!, to: to! } },
        }),
      ),
    enabled: from != null && to != null && from !== to,
    staleTime: Infinity, // for one version of the minutes, the texts do not change
  });
}

/** One revision's text (for repairing the diff's last line; see diff.ts). */
export function useMinutesRevision(minutesId: string, version: number, number: number | null) {
  return useQuery({
    queryKey: queryKeys.minutes.revision(minutesId, version, number),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/minutes/{minutes_id}/revisions/{number}", {
          params: { path: { minutes_id: minutesId, number: number! } },
        }),
      ),
    enabled: number != null,
    staleTime: Infinity,
  });
}
