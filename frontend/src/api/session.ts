/**
 * Where the sign-in lives in the browser.
 *
 * - The ACCESS token (a JWT valid ~15 minutes) is kept in memory only: it is never written to storage,
 *   so nothing left on disk or readable by another tab or browser extension carries API rights for
 *   long, and a reload simply obtains a new one.
 * - The REFRESH token is kept in localStorage. It has to survive reloads and new tabs (otherwise every
 *   reload would sign the person out), and the API hands it out in a JSON body, not as an HttpOnly
 *   cookie, so script-reachable storage is the only place that survives a reload. The risk (theft by
 *   injected script) is bounded: the CSP only allows our own scripts and connections to our own
 *   origin; refresh tokens are single-use and rotate on every refresh, and presenting a used one
 *   revokes the whole session (so a stolen copy dies the moment either side uses it twice);
 *   sign-out revokes it server-side; and it is removed from storage on sign-out or when refresh fails.
 */

const REFRESH_KEY = "shulchan.refresh_token";

export type SessionEndReason = "signed_out" | "expired" | "revoked";

interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

type Listener = () => void;

let accessToken: string | null = null;
let accessExpiresAt = 0; // epoch ms
let endReason: SessionEndReason | null = null;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (private mode policies): the session then lasts one page load
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export const session = {
  getAccessToken(): string | null {
    return accessToken;
  },
  /** True when the access token is missing or expires within `marginMs`. */
  accessTokenStale(marginMs = 30_000): boolean {
    return accessToken === null || Date.now() + marginMs >= accessExpiresAt;
  },
  getRefreshToken(): string | null {
    return storage()?.getItem(REFRESH_KEY) ?? null;
  },
  /** A refresh token is stored: we can get an access token without asking for the password. */
  hasSession(): boolean {
    return accessToken !== null || this.getRefreshToken() !== null;
  },
  setTokens(pair: TokenPair): void {
    accessToken = pair.access_token;
    accessExpiresAt = Date.now() + pair.expires_in * 1000;
    endReason = null;
    storage()?.setItem(REFRESH_KEY, pair.refresh_token);
    notify();
  },
  /** Forget everything; `reason` tells the sign-in page what to say. */
  clear(reason: SessionEndReason): void {
    const had = this.hasSession();
    accessToken = null;
    accessExpiresAt = 0;
    storage()?.removeItem(REFRESH_KEY);
    if (had || reason !== "signed_out") endReason = reason;
    notify();
  },
  /** Why the last session ended (read once by the sign-in page). */
  takeEndReason(): SessionEndReason | null {
    const reason = endReason;
    endReason = null;
    return reason;
  },
  peekEndReason(): SessionEndReason | null {
    return endReason;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Another tab signed out (removed the refresh token): drop our in-memory access token too. */
  syncFromStorageEvent(event: StorageEvent): void {
    if (event.key === REFRESH_KEY && event.newValue === null && accessToken !== null) {
      accessToken = null;
      accessExpiresAt = 0;
      endReason = "signed_out";
      notify();
    }
  },
  /** For tests. */
  reset(): void {
    accessToken = null;
    accessExpiresAt = 0;
    endReason = null;
    storage()?.removeItem(REFRESH_KEY);
    listeners.clear();
  },
};

export const REFRESH_STORAGE_KEY = REFRESH_KEY;
