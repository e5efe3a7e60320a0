import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../api/session";
import { initI18n, setLanguage } from "../../i18n";
import { json, stubFetch } from "../../test/fetchStub";
import { renderApp } from "../../test/render";
import type { ApiToken } from "./api";
import ApiTokensPage from "./ApiTokensPage";

beforeEach(async () => {
  session.reset();
  initI18n("en");
  await setLanguage("en");
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.reset();
});

const SECRET = "shl_pat_abcdEFGH1234ijklMNOP5678qrstUVWX9x0yZ1";

function token(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: "t-1",
    kind: "personal",
    name: "Nightly sync",
    hint: "shl_pat_abcd",
    scopes: ["events:read"],
    user_id: "u-1",
    service_account_id: null,
    created_at: "2026-03-01T09:00:00Z",
    expires_at: "2026-05-30T09:00:00Z",
    last_used_at: null,
    revoked_at: null,
    ...overrides,
  };
}

describe("the API tokens page", () => {
  it("creates a token, shows it once, and revokes one", async () => {
    session.setTokens({ access_token: "a", refresh_token: "r-xxxxxxxxxx", expires_in: 900 });
    let tokens: ApiToken[] = [];
    const calls = stubFetch((call) => {
      if (call.path === "/api/v1/me/api-tokens" && call.method === "GET")
        return json({ items: tokens, next_cursor: null });
      if (call.path === "/api/v1/me/api-tokens" && call.method === "POST") {
        tokens = [token({ scopes: JSON.parse(call.body).scopes })];
        return json({ ...tokens[0], token: SECRET }, 201);
      }
      if (call.path === "/api/v1/me/api-tokens/t-1" && call.method === "DELETE") {
        tokens = [token({ revoked_at: "2026-03-02T09:00:00Z" })];
        return new Response(null, { status: 204 });
      }
      return json({ code: "not_found", detail: "Not here", status: 404 }, 404);
    });
    renderApp(
      <Routes>
        <Route path="/api-tokens" element={<ApiTokensPage />} />
      </Routes>,
      { path: "/api-tokens" },
    );
    const user = userEvent.setup();
    expect(await screen.findByText("You have no API tokens.")).toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: /What is it for/ }), "Nightly sync");
    await user.click(screen.getByRole("checkbox", { name: "decisions:read" }));
    await user.click(screen.getByRole("button", { name: "Create token" }));

    expect(await screen.findByTestId("new-token")).toHaveTextContent(SECRET);
    const created = calls.find((call) => call.method === "POST");
    expect(JSON.parse(created!.body)).toEqual({
      name: "Nightly sync",
      scopes: ["events:read", "decisions:read"],
      expires_in_days: 90,
    });
    const row = await screen.findByTestId("token-t-1");
    expect(row).not.toHaveTextContent(SECRET);
    await user.click(screen.getByRole("button", { name: "I have saved it" }));
    expect(screen.queryByTestId("new-token")).not.toBeInTheDocument();

    await user.click(within(row).getByRole("button", { name: "Revoke" }));
    await waitFor(() =>
      expect(within(screen.getByTestId("token-t-1")).getByText("Revoked")).toBeInTheDocument(),
    );
  });
});
