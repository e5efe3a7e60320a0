import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n, initI18n, setLanguage } from "../../i18n";
import { json, stubFetch } from "../../test/fetchStub";
import { renderApp } from "../../test/render";
import { assignableRoles, type Seat } from "./api";
import { SeatsSection } from "./SeatsSection";

const seat = (
  id: string,
  name: string,
  role: Seat["role"],
  endedOn: string | null = null,
): Seat => ({
  id,
  roundtable_id: "rt",
  stakeholder_id: `s-${id}`,
  stakeholder_name: name,
  stakeholder_name_en: name,
  organisation_name: "Org",
  role,
  sector_id: "civ",
  started_on: "2026-01-01",
  ended_on: endedOn,
  is_current: endedOn === null,
  alternate_stakeholder_id: null,
  alternate_name: null,
  note: null,
  version: 3,
});

const SEATS = [
  seat("1", "Dana Member", "member"),
  seat("2", "Fay Facilitator", "facilitator"),
  seat("3", "Paul Past", "observer", "2026-06-30"),
];

function serve(patch?: () => Response) {
  return stubFetch((call) => {
    if (call.path.endsWith("/roundtables/rt/seats"))
      return json({ items: SEATS, next_cursor: null });
    if (call.path.endsWith("/sectors"))
      return json({
        items: [
          {
            id: "civ",
            key: "civil_society",
            name_he: "החברה האזרחית",
            name_en: "Civil society",
            colour: "#2f9e44",
            position: 1,
          },
        ],
        next_cursor: null,
      });
    if (call.method === "PATCH" && patch) return patch();
    return json({ code: "not_found", detail: "nope", status: 404 }, 404);
  });
}

beforeEach(async () => {
  initI18n("en");
  await setLanguage("en");
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("assignableRoles", () => {
  it("offers facilitator only with seats:assign_facilitator", () => {
    expect(assignableRoles(["seats:manage"])).toEqual(["host", "member", "observer"]);
    expect(assignableRoles(["seats:manage", "seats:assign_facilitator"])).toEqual([
      "facilitator",
      "host",
      "member",
      "observer",
    ]);
  });
});

describe("SeatsSection", () => {
  async function roleOptions() {
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Add a seat" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a seat" });
    const input = within(dialog).getByRole("combobox", { name: "Role" });
    await user.click(input);
    await waitFor(() => expect(input).toHaveAttribute("aria-controls"));
    const listbox = document.getElementById(input.getAttribute("aria-controls")!)!;
    return within(listbox)
      .getAllByRole("option", { hidden: true })
      .map((o) => o.textContent);
  }

  it("lists current and past seats", async () => {
    serve();
    renderApp(<SeatsSection roundtableId="rt" permissions={["seats:manage"]} />);
    const tables = await screen.findAllByTestId("seats-table");
    expect(tables).toHaveLength(2);
    expect(within(tables[0]!).getByText("Dana Member")).toBeInTheDocument();
    expect(within(tables[1]!).getByText("Paul Past")).toBeInTheDocument();
    expect(within(tables[1]!).queryByRole("button", { name: /End/ })).toBeNull();
  });

  it("a host (no assign_facilitator) is not offered the facilitator role", async () => {
    serve();
    renderApp(<SeatsSection roundtableId="rt" permissions={["seats:manage"]} />);
    expect(await roleOptions()).toEqual(["Host", "Member", "Observer"]);
    // A facilitator's seat is read-only for them; a member's seat has a role picker.
    expect(screen.queryByRole("combobox", { name: "Role of Fay Facilitator" })).toBeNull();
    expect(screen.getByRole("combobox", { name: "Role of Dana Member" })).toBeInTheDocument();
  });

  it("with seats:assign_facilitator the facilitator role is offered", async () => {
    serve();
    renderApp(
      <SeatsSection roundtableId="rt" permissions={["seats:manage", "seats:assign_facilitator"]} />,
    );
    expect(await roleOptions()).toEqual(["Facilitator", "Host", "Member", "Observer"]);
    expect(screen.getByRole("combobox", { name: "Role of Fay Facilitator" })).toBeInTheDocument();
  });

  it("ends a seat with If-Match and shows the API's problem in the UI's words", async () => {
    const calls = serve(() =>
      json({ code: "seat_overlaps", detail: "The seat overlaps another seat.", status: 409 }, 409),
    );
    renderApp(<SeatsSection roundtableId="rt" permissions={["seats:manage"]} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "End the seat of Dana Member" }));
    const dialog = await screen.findByRole("dialog", { name: "End a seat" });
    await user.click(within(dialog).getByRole("button", { name: "End seat" }));
    await waitFor(() =>
      expect(within(dialog).getByText(i18n.t("problems.seat_overlaps"))).toBeInTheDocument(),
    );
    const patch = calls.find((c) => c.method === "PATCH")!;
    expect(patch.path).toBe("/api/v1/seats/1");
    expect(patch.ifMatch).toBe('"3"');
    expect(JSON.parse(patch.body)).toHaveProperty("ended_on");
  });
});
