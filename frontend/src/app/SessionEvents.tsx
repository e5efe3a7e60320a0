import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { session } from "../api/session";

/**
 * When the session ends (sign-out here or in another tab, refresh refused), drop every cached
 * answer so nothing of it shows again; protected routes then send the person to /sign-in.
 */
export function SessionEvents() {
  const queryClient = useQueryClient();
  const had = useRef(session.hasSession());
  useEffect(() => {
    const onStorage = (event: StorageEvent) => session.syncFromStorageEvent(event);
    window.addEventListener("storage", onStorage);
    const unsubscribe = session.subscribe(() => {
      const has = session.hasSession();
      if (had.current && !has) queryClient.clear();
      had.current = has;
    });
    return () => {
      window.removeEventListener("storage", onStorage);
      unsubscribe();
    };
  }, [queryClient]);
  return null;
}
