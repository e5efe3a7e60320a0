import type { components } from "./schema";

export type Problem = components["schemas"]["Problem"];

/** An API error (RFC 9457 problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | null;
  readonly problem: Partial<Problem> | null;
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    problem: Partial<Problem> | null,
    retryAfter: number | null = null,
    cause?: unknown,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`, { cause });
    this.name = "ApiError";
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? "network_error" : `http_${status}`);
    this.detail = problem?.detail ?? null;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

function isProblem(value: unknown): value is Partial<Problem> {
  return typeof value === "object" && value !== null && ("code" in value || "detail" in value);
}

export function parseRetryAfter(response: Response): number | null {
  const header = response.headers.get("Retry-After");
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Turn an openapi-fetch result into data, or throw ApiError with the problem's detail and code.
 * Every query and mutation goes through this, so screens can show `error.detail`.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, null, null, cause); // network failure (offline, DNS, CORS)
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  throw new ApiError(response.status, isProblem(error) ? error : null, parseRetryAfter(response));
}
