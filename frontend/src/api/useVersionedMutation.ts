import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { etagFor } from "./hooks";
import { ApiError } from "./problem";

/** The header a versioned change carries: `{ "if-match": '"<version>"' }` (empty without one). */
export type IfMatch = { "if-match": string } | Record<string, never>;

/**
 * A 412 (stale_version / precondition_failed): someone changed the object since we read it, and
 * nothing was stored.
 */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

export interface VersionedMutationOptions<V, R> {
  /** The version the change is based on, sent as If-Match; read when the request is sent. */
  version: (vars: V) => number | undefined;
  /** The request, given the If-Match header to put in `params.header`. */
  request: (vars: V, ifMatch: IfMatch) => Promise<R>;
  /**
   * Where the object (and what shows it) lives in the cache. On a 412 these are re-read, so the
   * screen shows the latest and the next try carries its version; after success they are re-read
   * too unless `onSuccess` stores the answer itself.
   */
  keys: (vars: V) => QueryKey[];
  /** After success (e.g. store the API's answer with setQueryData). */
  onSuccess?: (data: R, vars: V) => void;
  /** Keys re-read after success besides `keys` (lists that show the object). */
  alsoInvalidate?: (data: R, vars: V) => QueryKey[];
  /**
   * Only for a choice where the latest simply wins (a preference, not shared text): after a 412,
   * load the fresh object with this (e.g. `queryClient.fetchQuery`) and send the change once more
   * (`version` must read the fresh version from the cache). Everything else reports the conflict
   * and keeps the user's input.
   */
  resendOnConflict?: (vars: V) => Promise<unknown>;
  /** After any failure, besides the 412 handling (e.g. re-read a profile after going offline). */
  onError?: (error: Error, vars: V) => void;
}

/**
 * The one way to send a change guarded by If-Match. Every screen gets the same 412 handling: the
 * object is re-read (`keys`), the mutation's `error` is the 412 (show it with
 * shared/feedback's MutationError or ConflictNotice, which say so in the user's language), and
 * nothing resets the form, so what the user typed is still there to check and send again.
 */
export function useVersionedMutation<V, R>(options: VersionedMutationOptions<V, R>) {
  const queryClient = useQueryClient();
  const reread = (vars: V) =>
    Promise.all(options.keys(vars).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const send = (vars: V) => {
    const version = options.version(vars);
    return options.request(vars, version === undefined ? {} : { "if-match": etagFor(version) });
  };
  const mutation = useMutation({
    mutationFn: async (vars: V) => {
      try {
        return await send(vars);
      } catch (error) {
        if (!(options.resendOnConflict && isConflict(error))) throw error;
        await options.resendOnConflict(vars);
        return send(vars);
      }
    },
    onSuccess: (data, vars) => {
      if (options.onSuccess) options.onSuccess(data, vars);
      else void reread(vars);
      for (const queryKey of options.alsoInvalidate?.(data, vars) ?? [])
        void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error, vars) => {
      if (isConflict(error)) void reread(vars);
      options.onError?.(error, vars);
    },
  });
  return { ...mutation, conflict: isConflict(mutation.error) };
}
