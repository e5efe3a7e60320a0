import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { json, stubFetch } from "../test/fetchStub";
import { api, signIn } from "./client";
import { ApiError, unwrap } from "./problem";
import { REFRESH_STORAGE_KEY, session } from "./session";

const pair = (n: number, expiresIn = 900) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}-xxxxxxxx`,
  token_type: "bearer",
  expires_in: expiresIn,
});

const expired = {
  code: "invalid_token",
  detail: "The access token is invalid or expired.",
  status: 401,
};

beforeEach(() => {
  session.reset();
  // jsdom has no Web Locks; the refresh then runs without the cross-tab lock.
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("bearer token and refresh", () => {
  it("sends the access token", async () => {
    session.setTokens(pair(1));
    const calls = stubFetch(() => json({ items: [], next_cursor: null }));
    await unwrap(api.GET("/api/v1/roundtables"));
    expect(calls[0].auth).toBe("Bearer access-1");
  });

  it("refreshes once for concurrent 401s (single flight) and retries each request", async () => {
    session.setTokens(pair(1));
    let refreshes = 0;
    const calls = stubFetch(async (call) => {
      if (call.path === "/api/v1/auth/refresh") {
        refreshes += 1;
        expect(JSON.parse(call.body)).toEqual({ refresh_token: "refresh-1-xxxxxxxx" });
        await new Promise((resolve) => setTimeout(resolve, 20)); // let the others pile up
        return json(pair(2));
      }
      if (call.auth === "Bearer access-1") return json(expired, 401);
      return json({ items: [{ path: call.path }], next_cursor: null });
    });

    const results = await Promise.all([
      unwrap(api.GET("/api/v1/roundtables")),
      unwrap(api.GET("/api/v1/meetings")),
      unwrap(api.GET("/api/v1/decisions")),
    ]);

    expect(refreshes).toBe(1);
    expect(results.map((r) => (r.items[0] as unknown as { path: string }).path)).toEqual([
      "/api/v1/roundtables",
      "/api/v1/meetings",
      "/api/v1/decisions",
    ]);
    const retried = calls.filter((c) => c.auth === "Bearer access-2").map((c) => c.path);
    expect(retried.sort()).toEqual([
      "/api/v1/decisions",
      "/api/v1/meetings",
      "/api/v1/roundtables",
    ]);
    expect(session.getAccessToken()).toBe("access-2");
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBe("refresh-2-xxxxxxxx");
  });

  it("replays a request body on retry", async () => {
    session.setTokens(pair(1));
    const bodies: string[] = [];
    stubFetch((call) => {
      if (call.path === "/api/v1/auth/refresh") return json(pair(2));
      if (call.path === "/api/v1/me") {
        bodies.push(call.body);
        if (call.auth === "Bearer access-1") return json(expired, 401);
        return json({ id: "u", preferred_language: "en", version: 2 });
      }
      return json({}, 404);
    });
    await unwrap(api.PATCH("/api/v1/me", { body: { preferred_language: "en" } }));
    expect(bodies).toEqual([
      JSON.stringify({ preferred_language: "en" }),
      JSON.stringify({ preferred_language: "en" }),
    ]);
  });

  it("after a reload (refresh token only) gets an access token before the first call", async () => {
    localStorage.setItem(REFRESH_STORAGE_KEY, "refresh-1-xxxxxxxx");
    const calls = stubFetch((call) =>
      call.path === "/api/v1/auth/refresh" ? json(pair(2)) : json({ items: [], next_cursor: null }),
    );
    await unwrap(api.GET("/api/v1/roundtables"));
    expect(calls.map((c) => c.path)).toEqual(["/api/v1/auth/refresh", "/api/v1/roundtables"]);
    expect(calls[1].auth).toBe("Bearer access-2");
  });

  it("renews an access token about to expire before sending", async () => {
    session.setTokens(pair(1, 10)); // expires within the 30 s margin
    const calls = stubFetch((call) =>
      call.path === "/api/v1/auth/refresh" ? json(pair(2)) : json({ items: [], next_cursor: null }),
    );
    await unwrap(api.GET("/api/v1/roundtables"));
    expect(calls.map((c) => c.path)).toEqual(["/api/v1/auth/refresh", "/api/v1/roundtables"]);
  });

  it("clears the session when the refresh token was reused (revoked) and says why", async () => {
    session.setTokens(pair(1));
    const changes = vi.fn();
    session.subscribe(changes);
    let refreshes = 0;
    stubFetch((call) => {
      if (call.path === "/api/v1/auth/refresh") {
        refreshes += 1;
        return json(
          {
            code: "refresh_token_reused",
            detail: "This refresh token was already used.",
            status: 401,
          },
          401,
        );
      }
      return json(expired, 401);
    });

    const outcomes = await Promise.allSettled([
      unwrap(api.GET("/api/v1/roundtables")),
      unwrap(api.GET("/api/v1/meetings")),
    ]);

    expect(refreshes).toBe(1);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ApiError);
      expect(((outcome as PromiseRejectedResult).reason as ApiError).status).toBe(401);
    }
    expect(session.hasSession()).toBe(false);
    expect(localStorage.getItem(REFRESH_STORAGE_KEY)).toBeNull();
    expect(session.peekEndReason()).toBe("revoked");
    expect(changes).toHaveBeenCalled();
  });

  it("a revoked session (session_revoked on a call) signs out without a refresh", async () => {
    session.setTokens(pair(1));
    const calls = stubFetch(() =>
      json({ code: "session_revoked", detail: "ended", status: 401 }, 401),
    );
    await expect(unwrap(api.GET("/api/v1/me"))).rejects.toBeInstanceOf(ApiError);
    expect(calls.map((c) => c.path)).toEqual(["/api/v1/me"]);
    expect(session.hasSession()).toBe(false);
  });

  it("anonymous calls carry no token and never refresh", async () => {
    const calls = stubFetch(() => json({ items: [], next_cursor: null }));
    await unwrap(api.GET("/api/v1/roundtables"));
    expect(calls).toHaveLength(1);
    expect(calls[0].auth).toBeNull();
  });
});

describe("sign-in", () => {
  it("posts the OAuth2 password form and keeps the tokens", async () => {
    const calls = stubFetch(() => json(pair(1)));
    await signIn("member@demo.shulchan.org", "secret");
    expect(calls[0].path).toBe("/api/v1/auth/token");
    const form = new URLSearchParams(calls[0].body);
    expect(form.get("username")).toBe("member@demo.shulchan.org");
    expect(form.get("password")).toBe("secret");
    expect(form.get("grant_type")).toBe("password");
    expect(session.getAccessToken()).toBe("access-1");
  });

  it("a 429 carries Retry-After", async () => {
    stubFetch(() =>
      json({ code: "too_many_requests", detail: "Too many failed sign-ins.", status: 429 }, 429, {
        "Retry-After": "120",
      }),
    );
    const error = await signIn("a@b.c", "x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).retryAfter).toBe(120);
    expect((error as ApiError).detail).toBe("Too many failed sign-ins.");
  });
});
