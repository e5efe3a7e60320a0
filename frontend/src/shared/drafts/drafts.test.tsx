import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { hasKeptDrafts, useDraft } from "./index";

afterEach(() => localStorage.clear());

describe("text kept until saved", () => {
  it("comes back when the screen opens again (after a forced sign-in), until forgotten", () => {
    const first = renderHook(() => useDraft("comment:m1", ""));
    act(() => first.result.current[1]("הערה שלא נשלחה"));
    first.unmount();
    expect(hasKeptDrafts()).toBe(true);

    const again = renderHook(() => useDraft("comment:m1", ""));
    expect(again.result.current[0]).toBe("הערה שלא נשלחה");
    act(() => again.result.current[2]()); // saved on the server
    again.unmount();
    expect(hasKeptDrafts()).toBe(false);
    expect(renderHook(() => useDraft("comment:m1", "")).result.current[0]).toBe("");
  });

  it("keeps nothing when the text is what is saved", () => {
    const { result } = renderHook(() => useDraft("minutes:m2", "## פתיחה"));
    act(() => result.current[1]("## פתיחה!"));
    act(() => result.current[1]("## פתיחה"));
    expect(hasKeptDrafts()).toBe(false);
  });
});
