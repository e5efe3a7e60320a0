import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { queryKeys } from "../../api/queryKeys";
import type { components } from "../../api/schema";
import { useVersionedMutation } from "../../api/useVersionedMutation";
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

/**
 * Remember the UI language on the profile (PATCH /me), so it follows the person to other browsers.
 * A 412 (the profile changed in another tab, or a quick second switch) re-reads the profile and
 * sends the choice again on top of it: for a preference the latest choice is the right one.
 */
export function useUpdatePreferredLanguage() {
  const queryClient = useQueryClient();
  return useVersionedMutation({
    version: () => queryClient.getQueryData<Me>(queryKeys.me)?.version,
    request: (language: "he" | "en", ifMatch) =>
      unwrap(
        api.PATCH("/api/v1/me", {
          body: { preferred_language: language },
          params: { header: ifMatch },
        }),
      ),
    keys: () => [queryKeys.me],
    resendOnConflict: () =>
      queryClient.fetchQuery({
        queryKey: queryKeys.me,
        queryFn: () => unwrap(api.GET("/api/v1/me")),
        staleTime: 0,
      }),
    // Offline or refused: the UI language has changed already; re-read the profile later.
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    onSuccess: (user) => {
      queryClient.setQueryData<Me>(queryKeys.me, (me) =>
        me ? { ...me, preferred_language: user.preferred_language, version: user.version } : me,
      );
    },
  });
}
