import { useQueries } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ApiError, unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type Minutes = components["schemas"]["MinutesRead"];

/** The minutes of each meeting; `null` where a meeting has none yet (404). */
export function useMeetingsMinutes(meetingIds: string[]) {
  return useQueries({
    queries: meetingIds.map((meetingId) => ({
      queryKey: ["meetings", meetingId, "minutes"],
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
