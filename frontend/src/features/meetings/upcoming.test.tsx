import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQueryClient } from "../../api/queryClient";
import { json, stubFetch } from "../../test/fetchStub";
import { useUpcomingMeetings } from "./api";

afterEach(() => vi.unstubAllGlobals());

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>;
}

const meeting = (id: string, status: string) => ({ id, title: id, status });

describe("my upcoming meetings", () => {
  it("leave out cancelled meetings", async () => {
    stubFetch(() =>
      json({
        items: [meeting("a", "planned"), meeting("b", "cancelled"), meeting("c", "confirmed")],
        next_cursor: null,
      }),
    );
    const { result } = renderHook(() => useUpcomingMeetings("2026-12-01T00:00:00Z"), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items.map((m) => m.id)).toEqual(["a", "c"]);
  });
});
