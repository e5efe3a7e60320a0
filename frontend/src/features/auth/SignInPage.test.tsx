import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../api/session";
import { i18n, initI18n, setLanguage } from "../../i18n";
import { json, stubFetch } from "../../test/fetchStub";
import { renderApp } from "../../test/render";
import SignInPage from "./SignInPage";

beforeEach(async () => {
  session.reset();
  initI18n("en");
  await setLanguage("en");
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Email/), "member@demo.shulchan.org");
  await user.type(screen.getByLabelText(/Password/), "wrong");
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("sign-in page", () => {
  it("says the credentials are wrong in the UI's language, not the API's English", async () => {
    stubFetch(() =>
      json({ code: "invalid_credentials", detail: "Wrong email or password.", status: 401 }, 401),
    );
    renderApp(<SignInPage />, { path: "/sign-in" });
    await fillAndSubmit();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(i18n.t("signIn.badCredentials"));
    expect(alert).not.toHaveTextContent("Wrong email or password.");
    expect(session.hasSession()).toBe(false);
  });

  it("on 429 tells how long to wait (Retry-After)", async () => {
    stubFetch(() =>
      json({ code: "too_many_requests", detail: "Too many.", status: 429 }, 429, {
        "Retry-After": "90",
      }),
    );
    renderApp(<SignInPage />, { path: "/sign-in" });
    await fillAndSubmit();
    expect(await screen.findByRole("alert")).toHaveTextContent("Try again in 90 seconds");
  });

  it("says why the last session ended", () => {
    session.setTokens({ access_token: "a", refresh_token: "r-xxxxxxxxxx", expires_in: 900 });
    session.clear("revoked");
    renderApp(<SignInPage />, { path: "/sign-in" });
    expect(screen.getByRole("status")).toHaveTextContent(/ended for security reasons/);
  });
});
