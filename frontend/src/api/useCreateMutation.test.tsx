import { QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { createQueryClient } from "./queryClient";
import { useCreateMutation } from "./useCreateMutation";

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>;
}

describe("useCreateMutation", () => {
  it("sends one request for two calls made before the first is answered (a double click)", async () => {
    let answer: (value: string) => void = () => {};
    const create = vi.fn(() => new Promise<string>((resolve) => (answer = resolve)));
    const { result } = renderHook(() => useCreateMutation({ mutationFn: create }), { wrapper });
    act(() => {
      result.current.mutate("first");
      result.current.mutate("second");
    });
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    await act(async () => answer("made"));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    // Once answered, the next create goes through.
    act(() => result.current.mutate("third"));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls.map((call) => (call as unknown[])[0])).toEqual(["first", "third"]);
  });

  it("lets the user try again after a failure", async () => {
    const create = vi
      .fn()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce("made");
    const { result } = renderHook(() => useCreateMutation({ mutationFn: create }), { wrapper });
    act(() => result.current.mutate("try"));
    await waitFor(() => expect(result.current.isError).toBe(true));
    act(() => result.current.mutate("again"));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(create).toHaveBeenCalledTimes(2);
  });
});
