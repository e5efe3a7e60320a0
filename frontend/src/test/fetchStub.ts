import { vi } from "vitest";

export interface Call {
  method: string;
  path: string;
  search: string;
  auth: string | null;
  ifMatch: string | null;
  body: string;
}

export type Handler = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": status >= 400 ? "application/problem+json" : "application/json",
      ...headers,
    },
  });
}

/** Replace globalThis.fetch with `handler`, recording every call. */
export function stubFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url, "http://localhost");
    const call: Call = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      auth: request.headers.get("Authorization"),
      ifMatch: request.headers.get("If-Match"),
      body: request.body ? await request.clone().text() : "",
    };
    calls.push(call);
    return handler(call);
  });
  return calls;
}
