import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { etagFor } from "../../api/hooks";
import { ApiError, unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useSignedIn } from "./useSignedIn";

export type Me = components["schemas"]["Me"];
export type Permission = components["schemas"]["Permission"];
export type PlatformPermission = components["schemas"]["PlatformPermission"];

export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => unwrap(api.GET("/api/v1/me")),
    enabled: signedIn,
    staleTime: 60_000,
  });
}

/** Remember the UI language on the profile (PATCH /me), so it follows the person to other browsers. */
export function useUpdatePreferredLanguage() {
  const queryClient = useQueryClient();
  const patch = (language: "he" | "en", version: number | undefined) =>
    unwrap(
      api.PATCH("/api/v1/me", {
        body: { preferred_language: language },
        params: { header: version === undefined ? {} : { "if-match": etagFor(version) } },
      }),
    );
  return useMutation({
    mutationFn: async (language: "he" | "en") => {
      const me = queryClient.getQueryData<Me>(queryKeys.me);
      try {
        return await patch(language, me?.version);
      } catch (error) {
        // 412: the profile changed elsewhere (another tab, a quick second switch). Re-read it and
        // apply the choice on top: for a preference the latest choice is the right one.
        if (!(error instanceof ApiError && error.status === 412)) throw error;
        const fresh = await queryClient.fetchQuery({
          queryKey: queryKeys.me,
          queryFn: () => unwrap(api.GET("/api/v1/me")),
          staleTime: 0,
        });
        return patch(language, fresh.version);
      }
    },
    onSuccess: (user) => {
      queryClient.setQueryData<Me>(queryKeys.me, (me) =>
        me ? { ...me, preferred_language: user.preferred_language, version: user.version } : me,
      );
    },
    onError: () => {
      // Offline or refused: the UI language has changed already; re-read the profile later.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}
