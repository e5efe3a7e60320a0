import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/problem";
import { initI18n, setLanguage } from "../../i18n";
import { useFieldErrors } from "./fieldErrors";
import { useErrorMessage } from "./useErrorMessage";

initI18n();

const tooShort = new ApiError(422, {
  code: "validation_error",
  detail: "The request has invalid or missing fields; see `errors`.",
  errors: [
    {
      loc: ["body", "title"],
      msg: "String should have at least 1 character",
      type: "string_too_short",
    },
  ],
});

describe("the API's 422 problems, per field, in the UI language", () => {
  it("translates a schema error by its kind, not the API's English", async () => {
    await setLanguage("he");
    const { result } = renderHook(() => useFieldErrors(tooShort));
    expect(result.current).toEqual({ title: "קצר מדי." });
  });

  it("falls back to the API's text for a kind we have no words for", async () => {
    await setLanguage("en");
    const odd = new ApiError(422, {
      code: "validation_error",
      errors: [{ loc: ["body", "online_url"], msg: "Something unusual", type: "never_seen" }],
    });
    const { result } = renderHook(() => useFieldErrors(odd));
    expect(result.current).toEqual({ online_url: "Something unusual" });
  });

  it("puts the API's own 422 codes on their field, translated", async () => {
    await setLanguage("he");
    const own = new ApiError(422, {
      code: "venue_required",
      detail: "A in_person meeting needs a venue_name.",
    });
    const { result } = renderHook(() => useFieldErrors(own));
    expect(result.current).toEqual({ venue_name: "לפגישה זו נדרש מקום." });
    const other = renderHook(() => useFieldErrors(new ApiError(409, { code: "conflict" })));
    expect(other.result.current).toEqual({});
  });
});

describe("an error's message", () => {
  it("names the field and the kind of a schema error", async () => {
    await setLanguage("he");
    const { result } = renderHook(() => useErrorMessage());
    expect(result.current(tooShort)).toBe("כותרת: קצר מדי.");
  });

  it("prefers the translation of the code over the problem's English detail", async () => {
    await setLanguage("he");
    const { result } = renderHook(() => useErrorMessage());
    const wrong = new ApiError(401, {
      code: "invalid_credentials",
      detail: "Incorrect email or password.",
    });
    expect(result.current(wrong)).toBe("כתובת הדוא״ל או הסיסמה אינן נכונות.");
    const tooLarge = new ApiError(413, {
      code: "payload_too_large",
      detail: "Request body too large",
    });
    expect(result.current(tooLarge)).toBe("הקובץ או הטקסט גדולים מדי.");
  });

  it("falls back to the problem's own text for a code it does not know", async () => {
    await setLanguage("en");
    const { result } = renderHook(() => useErrorMessage());
    expect(
      result.current(new ApiError(409, { code: "brand_new_code", detail: "Plain words." })),
    ).toBe("Plain words.");
  });
});
