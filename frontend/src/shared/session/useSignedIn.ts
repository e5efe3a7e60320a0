import { useSyncExternalStore } from "react";
import { session } from "../../api/session";

/** Whether a sign-in is held (an access token, or a refresh token that can get one). */
export function useSignedIn(): boolean {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.hasSession(),
    () => false,
  );
}
