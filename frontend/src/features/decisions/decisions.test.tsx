import { screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../api/session";
import { initI18n, setLanguage } from "../../i18n";
import { json, stubFetch } from "../../test/fetchStub";
import { renderApp } from "../../test/render";
import type { Me } from "../../shared/session/me";
import {
  allowedTransitions,
  groupForBoard,
  myEndorsingSeats,
  type Decision,
  type DecisionStatus,
  type Sector,
} from "./api";
import DecisionPage from "./DecisionPage";
import { EndorsementMatrix } from "./EndorsementMatrix";

// jsdom has no FontFaceSet; Mantine's autosize Textarea listens on document.fonts.
if (!("fonts" in document))
  Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });

const GOV = "s-gov";
const BIZ = "s-biz";
const CIV = "s-civ";
const RT = "rt-1";

const sectors: Sector[] = [
  {
    id: GOV,
    key: "government",
    name_he: "ממשלה",
    name_en: "Government",
    colour: "#1e88e5",
    position: 10,
    version: 1,
  },
  {
    id: BIZ,
    key: "business_philanthropy",
    name_he: "עסקי",
    name_en: "Business",
    colour: "#f4511e",
    position: 20,
    version: 1,
  },
  {
    id: CIV,
    key: "civil_society",
    name_he: "חברה אזרחית",
    name_en: "Civil society",
    colour: "#43a047",
    position: 30,
    version: 1,
  },
];

function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: "d-1",
    roundtable_id: RT,
    meeting_id: null,
    kind: "agreement",
    title: "An agreement",
    text: "## Why\n\nBecause.",
    status: "agreed",
    goal_ids: [],
    proposed_by_user_id: "u-fac",
    adopted_at: null,
    adoption_reference: null,
    created_at: "2026-07-14T08:00:00Z",
    updated_at: "2026-07-14T09:00:00Z",
    version: 3,
    consensus: false,
    by_sector: [
      { sector_id: GOV, seats: 2, supports: 1, reservations: 0, objects: 0, pending: 1 },
      { sector_id: BIZ, seats: 3, supports: 0, reservations: 1, objects: 1, pending: 1 },
      { sector_id: CIV, seats: 4, supports: 2, reservations: 0, objects: 0, pending: 2 },
    ],
    endorsements: [
      {
        seat_id: "seat-m",
        stakeholder_name: "Tamar",
        sector_id: CIV,
        role: "member",
        position: "supports",
        comment: "Good for us",
        updated_at: "2026-07-15T10:00:00Z",
      },
    ],
    history: [
      {
        from_status: null,
        to_status: "proposed",
        actor_user_id: "u-fac",
        note: null,
        created_at: "2026-07-14T08:00:00Z",
      },
      {
        from_status: "proposed",
        to_status: "in_discussion",
        actor_user_id: "u-fac",
        note: null,
        created_at: "2026-07-14T08:30:00Z",
      },
      {
        from_status: "in_discussion",
        to_status: "agreed",
        actor_user_id: "u-fac",
        note: "Agreed at the July meeting",
        created_at: "2026-07-14T09:00:00Z",
      },
    ],
    ...overrides,
  };
}

beforeEach(async () => {
  session.reset();
  initI18n("en");
  await setLanguage("en");
});

afterEach(() => {
  vi.unstubAllGlobals();
  session.reset();
});

describe("the endorsement matrix", () => {
  it("shows each sector's counts with its name and colour", () => {
    renderApp(<EndorsementMatrix decision={decision()} sectors={sectors} />);
    const table = screen.getByRole("table", { name: /Host and member seats/ });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4); // header + 3 sectors
    const biz = within(table).getByRole("row", { name: /Business/ });
    const cells = within(biz)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    // seats, supports, reservations, objects, pending, picture
    expect(cells.slice(0, 5)).toEqual(["3", "0", "1", "1", "1"]);
    expect(biz.querySelector('[aria-hidden="true"][style*="background"]')).toBeTruthy();
    expect(screen.getByTestId("consensus-badge")).toHaveTextContent("No consensus yet");
    // Each seat's position with its comment.
    const seat = screen.getByTestId("seat-position");
    expect(seat).toHaveTextContent("Tamar");
    expect(seat).toHaveTextContent("Civil society · Member");
    expect(seat).toHaveTextContent("Supports");
    expect(seat).toHaveTextContent("Good for us");
  });

  it("says consensus when the API computed it", () => {
    renderApp(<EndorsementMatrix decision={decision({ consensus: true })} sectors={sectors} />);
    expect(screen.getByTestId("consensus-badge")).toHaveTextContent("Consensus");
  });

  it("lists no seats for readers without a seat (the API sends none)", () => {
    renderApp(<EndorsementMatrix decision={decision({ endorsements: [] })} sectors={sectors} />);
    expect(screen.queryByTestId("seat-position")).toBeNull();
    expect(screen.getByRole("table")).toBeInTheDocument();
  });
});

// --- the decision page per role --------------------------------------------------------------------

type Role = "facilitator" | "host" | "member" | "observer" | "none";

const PERMISSIONS: Record<Role, string[]> = {
  facilitator: [
    "roundtable:view",
    "decisions:propose",
    "decisions:steer",
    "decisions:endorse",
    "action_items:manage",
  ],
  host: [
    "roundtable:view",
    "decisions:propose",
    "decisions:adopt",
    "decisions:endorse",
    "action_items:manage",
  ],
  member: ["roundtable:view", "decisions:propose", "decisions:endorse", "action_items:update_own"],
  observer: ["roundtable:view"],
  none: [],
};

function meFor(role: Role): Me {
  return {
    id: `u-${role}`,
    email: `${role}@example.org`,
    full_name: role,
    preferred_language: "en",
    is_active: true,
    is_platform_admin: role === "none",
    created_at: "2026-01-01T00:00:00Z",
    version: 1,
    stakeholder_id: role === "none" ? null : `sh-${role}`,
    platform_permissions: [],
    roundtables:
      role === "none"
        ? []
        : [
            {
              roundtable_id: RT,
              title: "שולחן",
              title_en: "Table",
              roles: [role],
              permissions: PERMISSIONS[role] as Me["roundtables"][number]["permissions"],
              seats: [
                {
                  seat_id: role === "member" ? "seat-m" : `seat-${role}`,
                  role,
                  sector_id: role === "host" ? GOV : CIV,
                  started_on: "2020-01-01",
                  ended_on: null,
                  as_alternate: false,
                },
              ],
            },
          ],
  };
}

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

describe("who may give their word", () => {
  it("is a current non-observer seat with decisions:endorse", () => {
    expect(myEndorsingSeats(meFor("member"), RT)).toHaveLength(1);
    expect(myEndorsingSeats(meFor("host"), RT)).toHaveLength(1);
    expect(myEndorsingSeats(meFor("observer"), RT)).toHaveLength(0);
    expect(myEndorsingSeats(meFor("none"), RT)).toHaveLength(0);
    expect(myEndorsingSeats(meFor("member"), "other")).toHaveLength(0);
    const ended = meFor("member");
    ended.roundtables[0].seats[0].ended_on = "2001-01-01";
    expect(myEndorsingSeats(ended, RT)).toHaveLength(0);
  });
});

describe("status moves", () => {
  it("follow the lifecycle and the caller's permissions", () => {
    const steer = ["decisions:steer"];
    const adopt = ["decisions:adopt"];
    expect(allowedTransitions("proposed", steer)).toEqual([
      "in_discussion",
      "rejected",
      "withdrawn",
    ]);
    expect(allowedTransitions("agreed", steer)).toEqual(["in_discussion", "rejected"]);
    expect(allowedTransitions("agreed", adopt)).toEqual(["adopted"]);
    expect(allowedTransitions("adopted", steer)).toEqual(["implemented"]);
    expect(allowedTransitions("adopted", adopt)).toEqual(["implemented"]);
    expect(allowedTransitions("in_discussion", ["decisions:endorse"])).toEqual([]);
    // A proposer may withdraw their own proposal.
    expect(allowedTransitions("proposed", [], true)).toEqual(["withdrawn"]);
    expect(allowedTransitions("rejected", steer)).toEqual([]);
  });
});

describe("the board", () => {
  const d = (id: string, status: DecisionStatus) => ({ id, status });
  it("groups decisions into lifecycle columns and folds closed ones away", () => {
    const groups = groupForBoard([
      d("a", "adopted"),
      d("b", "proposed"),
      d("c", "rejected"),
      d("d", "proposed"),
      d("e", "withdrawn"),
      d("f", "implemented"),
    ]);
    expect(groups.columns.map((c) => c.status)).toEqual([
      "proposed",
      "in_discussion",
      "agreed",
      "adopted",
      "implemented",
    ]);
    expect(groups.columns.map((c) => c.items.map((i) => i.id))).toEqual([
      ["b", "d"],
      [],
      [],
      ["a"],
      ["f"],
    ]);
    expect(groups.closed.map((i) => i.id)).toEqual(["c", "e"]);
  });

  it("keeps empty columns for an empty list", () => {
    const groups = groupForBoard([]);
    expect(groups.columns).toHaveLength(5);
    expect(groups.closed).toEqual([]);
  });
});
