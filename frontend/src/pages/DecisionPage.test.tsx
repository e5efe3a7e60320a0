import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../api/session";
import type { Decision } from "../features/decisions/api";
import {
  decision,
  meFor,
  PERMISSIONS,
  RT,
  sectors,
  type Role,
} from "../features/decisions/testData";
import { initI18n, setLanguage } from "../i18n";
import { json, stubFetch } from "../test/fetchStub";
import { renderApp } from "../test/render";
import DecisionPage from "./DecisionPage";

beforeEach(async () => {
  session.reset();
  initI18n("en");
  await setLanguage("en");
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.reset();
});

function renderDecisionPage(role: Role, overrides: Partial<Decision> = {}) {
  session.setTokens({ access_token: "a", refresh_token: "r-xxxxxxxxxx", expires_in: 900 });
  stubFetch((call) => {
    if (call.path === "/api/v1/me") return json(meFor(role));
    if (call.path === "/api/v1/decisions/d-1") return json(decision(overrides));
    if (call.path === "/api/v1/sectors") return json({ items: sectors, next_cursor: null });
    if (call.path === `/api/v1/roundtables/${RT}`)
      return json({
        id: RT,
        title: "שולחן",
        title_en: "Table",
        my_permissions: PERMISSIONS[role],
        my_roles: [],
      });
    if (call.path === "/api/v1/action-items") return json({ items: [], next_cursor: null });
    return json({ code: "not_found", detail: "Not here", status: 404 }, 404);
  });
  return renderApp(
    <Routes>
      <Route path="/decisions/:decisionId" element={<DecisionPage />} />
    </Routes>,
    { path: "/decisions/d-1" },
  );
}

describe("the decision page by role", () => {
  it("member: own endorsement control, pre-filled; no status moves", async () => {
    renderDecisionPage("member");
    const mine = await screen.findByTestId("my-endorsement");
    expect(within(mine).getByRole("radio", { name: "Supports" })).toBeChecked();
    expect(within(mine).getByRole("textbox", { name: "Comment" })).toHaveValue("Good for us");
    await screen.findByRole("heading", { name: "Action items" });
    expect(screen.queryByTestId("decision-transitions")).toBeNull();
    expect(screen.queryByRole("button", { name: "Add an action item" })).toBeNull();
  });

  it("host: endorses and may adopt an agreed decision", async () => {
    renderDecisionPage("host");
    expect(await screen.findByTestId("my-endorsement")).toBeInTheDocument();
    const moves = await screen.findByTestId("decision-transitions");
    expect(within(moves).getByRole("button", { name: "Mark adopted by government" })).toBeVisible();
    expect(within(moves).queryByRole("button", { name: "Reject" })).toBeNull();
    expect(screen.getByRole("button", { name: "Add an action item" })).toBeVisible();
  });

  it("facilitator: steers (back to discussion, reject) but never adopts", async () => {
    renderDecisionPage("facilitator");
    const moves = await screen.findByTestId("decision-transitions");
    expect(within(moves).getByRole("button", { name: "Back to discussion" })).toBeVisible();
    expect(within(moves).getByRole("button", { name: "Reject" })).toBeVisible();
    expect(within(moves).queryByRole("button", { name: "Mark adopted by government" })).toBeNull();
  });

  it("observer: reads the matrix, has no endorsement control and no moves", async () => {
    renderDecisionPage("observer");
    expect(await screen.findByTestId("endorsement-matrix")).toBeInTheDocument();
    await screen.findByRole("heading", { name: "Action items" });
    expect(screen.queryByTestId("my-endorsement")).toBeNull();
    expect(screen.queryByRole("heading", { name: "My position" })).toBeNull();
    expect(screen.queryByTestId("decision-transitions")).toBeNull();
  });

  it("someone without a seat (an admin): no endorsement control", async () => {
    renderDecisionPage("none");
    expect(await screen.findByTestId("endorsement-matrix")).toBeInTheDocument();
    await screen.findByRole("heading", { name: "History" });
    expect(screen.queryByTestId("my-endorsement")).toBeNull();
  });

  it("shows the text as markdown and the history in order", async () => {
    renderDecisionPage("member");
    expect(await screen.findByRole("heading", { name: "Why" })).toBeInTheDocument();
    const history = screen.getByTestId("decision-history");
    expect(
      within(history)
        .getAllByText(/Proposed|In discussion|Agreed/)
        .map((e) => e.textContent),
    ).toEqual([
      "Proposed",
      "In discussion",
      "from: Proposed",
      "Agreed",
      "from: In discussion",
      "Agreed at the July meeting",
    ]);
    expect(history).toHaveTextContent("Agreed at the July meeting");
  });
});
