import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./problem";
import { isConflict, useVersionedMutation, type IfMatch } from "./useVersionedMutation";

const KEY = ["things", "t1"] as const;
const stale = () => new ApiError(412, { code: "stale_version", detail: "changed", status: 412 });

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return { queryClient, wrapper };
}

describe("useVersionedMutation", () => {
  it("sends If-Match with the object's version", async () => {
    const { wrapper } = setup();
    const request = vi.fn(async (_vars: { version: number }, ifMatch: IfMatch) => ifMatch);
    const { result } = renderHook(
      () => useVersionedMutation({ version: (v) => v.version, request, keys: () => [KEY] }),
      { wrapper },
    );
    await act(() => result.current.mutateAsync({ version: 7 }));
    expect(request.mock.calls[0][1]).toEqual({ "if-match": '"7"' });
  });

  it("on 412: re-reads the object, reports the conflict, and does not send again", async () => {
    const { wrapper } = setup();
    const read = vi.fn(async () => ({ version: 2 }));
    const request = vi.fn(async () => {
      throw stale();
    });
    const { result } = renderHook(
      () => {
        useQuery({ queryKey: KEY, queryFn: read }); // a screen showing the object
        return useVersionedMutation({ version: () => 1, request, keys: () => [KEY] });
      },
      { wrapper },
    );
    await waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    act(() => result.current.mutate(undefined));
    await waitFor(() => expect(result.current.conflict).toBe(true));
    expect(isConflict(result.current.error)).toBe(true);
    await waitFor(() => expect(read).toHaveBeenCalledTimes(2)); // the latest is loaded
    expect(request).toHaveBeenCalledTimes(1); // the user's change is not resent behind their back
  });

  it("other errors are reported as they are, without a re-read", async () => {
    const { wrapper, queryClient } = setup();
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const { result } = renderHook(
      () =>
        useVersionedMutation({
          version: () => 1,
          request: async () => {
            throw new ApiError(409, { code: "seat_overlaps", detail: "overlap", status: 409 });
          },
          keys: () => [KEY],
        }),
      { wrapper },
    );
    act(() => result.current.mutate(undefined));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.conflict).toBe(false);
    expect(invalidate).not.toHaveBeenCalled();
  });

  it("resendOnConflict (a preference): loads the fresh version and sends once more", async () => {
    const { wrapper, queryClient } = setup();
    queryClient.setQueryData(KEY, { version: 4 });
    const sent: IfMatch[] = [];
    const { result } = renderHook(
      () =>
        useVersionedMutation({
          version: () => queryClient.getQueryData<{ version: number }>(KEY)?.version,
          request: async (_: void, ifMatch) => {
            sent.push(ifMatch);
            if (sent.length === 1) throw stale();
            return "ok";
          },
          keys: () => [KEY],
          resendOnConflict: async () => queryClient.setQueryData(KEY, { version: 5 }),
        }),
      { wrapper },
    );
    await act(() => result.current.mutateAsync());
    expect(sent).toEqual([{ "if-match": '"4"' }, { "if-match": '"5"' }]);
  });
});
