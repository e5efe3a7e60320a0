import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, unwrap } from "./problem";
import type { paths } from "./schema";
import { session, type SessionEndReason } from "./session";

/**
 * Same-origin API (the backend serves this app); in development Vite proxies /api to :8000.
 * Absolute, because `new Request()` outside a browser page does not resolve relative URLs.
 */
export const API_BASE = globalThis.location?.origin ?? "";

const REFRESH_PATH = "/api/v1/auth/refresh";
/** Calls that must never carry a bearer token nor trigger a refresh. */
const NO_AUTH_PATHS = new Set(["/api/v1/auth/token", REFRESH_PATH]);

type RefreshOutcome = "ok" | "failed";

let inFlight: Promise<RefreshOutcome> | null = null;

async function lockAcrossTabs<T>(work: () => Promise<T>): Promise<T> {
  // Two tabs share one refresh token (localStorage); refreshing it twice would count as reuse and
  // revoke the session. The Web Locks API serialises the refresh across tabs; each tab re-reads the
  // (possibly already rotated) token inside the lock.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return locks.request("shulchan-token-refresh", work) as Promise<T>;
  return work();
}

async function doRefresh(): Promise<RefreshOutcome> {
  return lockAcrossTabs(async () => {
    const refreshToken = session.getRefreshToken();
    if (!refreshToken) {
      session.clear("expired");
      return "failed";
    }
    let result;
    try {
      result = await authClient.POST("/api/v1/auth/refresh", {
        body: { refresh_token: refreshToken },
      });
    } catch {
      throw new ApiError(0, null); // offline: keep the session, let the caller show the error
    }
    const { data, error, response } = result;
    if (data) {
      session.setTokens(data);
      return "ok";
    }
    if (response.status === 401 || response.status === 422) {
      const code = (error as { code?: string } | undefined)?.code;
      const reason: SessionEndReason =
        code === "refresh_token_reused" || code === "session_revoked" ? "revoked" : "expired";
      session.clear(reason);
      return "failed";
    }
    throw new ApiError(response.status, null);
  });
}

/**
 * Refresh the token pair once, however many requests ask at the same moment: concurrent callers
 * share one in-flight refresh (presenting the same refresh token twice would revoke the session).
 */
export function refreshTokens(): Promise<RefreshOutcome> {
  if (!inFlight) {
    inFlight = doRefresh().finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

/** Requests that may need to be sent again after a refresh, kept (cloned) until they answer. */
const replayable = new Map<string, { request: Request; token: string }>();

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    return ((await response.clone().json()) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

export const authMiddleware: Middleware = {
  async onRequest({ request, schemaPath, id }) {
    if (NO_AUTH_PATHS.has(schemaPath)) return request;
    // After a reload only the refresh token is left: get an access token first. Also renew one that
    // is about to expire, rather than collecting a 401.
    if (session.getRefreshToken() && session.accessTokenStale()) {
      await refreshTokens();
    }
    const token = session.getAccessToken();
    if (!token) return request; // anonymous (the public view)
    request.headers.set("Authorization", `Bearer ${token}`);
    replayable.set(id, { request: request.clone(), token });
    return request;
  },
  async onResponse({ response, id }) {
    const sent = replayable.get(id);
    replayable.delete(id);
    if (response.status !== 401 || !sent) return response;
    const code = await problemCode(response);
    if (code === "session_revoked") {
      session.clear("revoked");
      return response;
    }
    // The access token expired or is otherwise not accepted: refresh once (unless another request
    // already did, giving us a newer token) and send the request again.
    if (!session.getRefreshToken()) return response; // the session has ended meanwhile
    if (session.getAccessToken() === sent.token || session.accessTokenStale(0)) {
      const outcome = await refreshTokens();
      if (outcome === "failed") return response;
    }
    const token = session.getAccessToken();
    if (!token || token === sent.token) return response;
    const retry = sent.request;
    retry.headers.set("Authorization", `Bearer ${token}`);
    const second = await globalThis.fetch(retry);
    if (second.status === 401) session.clear("expired");
    return second;
  },
  onError({ id }) {
    replayable.delete(id);
  },
};

function bareClient() {
  return createClient<paths>({
    baseUrl: API_BASE,
    // openapi-fetch captures `fetch` at creation: look it up at call time so tests can stub it.
    fetch: (request) => globalThis.fetch(request),
    // Repeated query parameters (`status=open&status=in_progress`), as the API expects.
    querySerializer: { array: { style: "form", explode: true } },
  });
}

/** Sign-in and refresh: no bearer token, no refresh-on-401. */
const authClient = bareClient();

export function createApiClient() {
  const client = bareClient();
  client.use(authMiddleware);
  return client;
}

export const api = createApiClient();
export type Api = typeof api;

/** Sign in with the OAuth2 password form; throws ApiError (401 bad credentials, 429 with retryAfter). */
export async function signIn(email: string, password: string): Promise<void> {
  const pair = await unwrap(
    authClient.POST("/api/v1/auth/token", {
      body: { grant_type: "password", username: email, password, scope: "" },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  session.setTokens(pair);
}

/** Revoke the sign-in on the server (best effort), then forget it here. */
export async function signOut(): Promise<void> {
  if (session.getAccessToken()) {
    try {
      await api.POST("/api/v1/auth/logout");
    } catch {
      /* offline: the tokens are dropped here anyway */
    }
  }
  session.clear("signed_out");
}
