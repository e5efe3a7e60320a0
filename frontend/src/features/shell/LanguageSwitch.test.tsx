import { queryKeys } from "../../api/queryKeys";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../api/session";
import { initI18n, setLanguage } from "../../i18n";
import { json, stubFetch } from "../../test/fetchStub";
import { renderApp } from "../../test/render";
import { LanguageSwitch } from "./LanguageSwitch";

beforeEach(async () => {
  session.reset();
  initI18n("he");
  await setLanguage("he");
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("language switch", () => {
  it("starts in Hebrew, right to left", () => {
    renderApp(<LanguageSwitch />);
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("he");
    expect(screen.getByRole("radiogroup", { name: "שפה" })).toBeInTheDocument();
  });

  it("switching to English sets <html dir=ltr lang=en> and the texts, and back", async () => {
    const user = userEvent.setup();
    renderApp(<LanguageSwitch />);
    await user.click(screen.getByRole("radio", { name: "English" }));
    await waitFor(() => expect(document.documentElement.dir).toBe("ltr"));
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByRole("radiogroup", { name: "Language" })).toBeInTheDocument();
    expect(localStorage.getItem("shulchan.language")).toBe("en");

    await user.click(screen.getByRole("radio", { name: "עברית" }));
    await waitFor(() => expect(document.documentElement.dir).toBe("rtl"));
    expect(document.documentElement.lang).toBe("he");
  });

  it("signed in: remembers the choice on the profile (PATCH /me)", async () => {
    session.setTokens({ access_token: "a1", refresh_token: "r1-xxxxxxxxxx", expires_in: 900 });
    const calls = stubFetch((call) =>
      call.method === "PATCH"
        ? json({ id: "u", preferred_language: "en", version: 2 })
        : json({}, 404),
    );
    const user = userEvent.setup();
    renderApp(<LanguageSwitch />);
    await user.click(screen.getByRole("radio", { name: "English" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    const patch = calls.find((c) => c.method === "PATCH")!;
    expect(patch.path).toBe("/api/v1/me");
    expect(JSON.parse(patch.body)).toEqual({ preferred_language: "en" });
  });

  it("a stale profile version (412) is re-read and the choice applied on top", async () => {
    session.setTokens({ access_token: "a1", refresh_token: "r1-xxxxxxxxxx", expires_in: 900 });
    let patches = 0;
    const calls = stubFetch((call) => {
      if (call.method === "GET" && call.path === "/api/v1/me")
        return json({
          id: "u",
          preferred_language: "he",
          version: 5,
          platform_permissions: [],
          roundtables: [],
        });
      if (call.method === "PATCH") {
        patches += 1;
        if (call.ifMatch !== '"5"')
          return json({ code: "stale_version", detail: "Changed meanwhile.", status: 412 }, 412);
        return json({ id: "u", preferred_language: "en", version: 6 });
      }
      return json({}, 404);
    });
    const user = userEvent.setup();
    const { queryClient } = renderApp(<LanguageSwitch />);
    queryClient.setQueryData(queryKeys.me, {
      id: "u",
      preferred_language: "he",
      version: 4,
      platform_permissions: [],
      roundtables: [],
    });
    await user.click(screen.getByRole("radio", { name: "English" }));
    await waitFor(() => expect(patches).toBe(2));
    const sent = calls.filter((c) => c.method === "PATCH").map((c) => c.ifMatch);
    expect(sent).toEqual(['"4"', '"5"']);
  });
});
