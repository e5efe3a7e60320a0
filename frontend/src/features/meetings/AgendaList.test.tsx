import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../api/session";
import { initI18n, setLanguage } from "../../i18n";
import { json, stubFetch } from "../../test/fetchStub";
import { renderApp } from "../../test/render";
import { AgendaList } from "./AgendaList";
import { AgendaSection } from "./AgendaSection";
import type { Agenda, AgendaItem, Meeting } from "./api";
import { abilities } from "./permissions";
import { moveBy, moveTo } from "./reorder";

const item = (id: string, title: string, position: number, minutes = 30): AgendaItem => ({
  id,
  meeting_id: "m1",
  position,
  title,
  description: "",
  presenter_stakeholder_id: null,
  planned_minutes: minutes,
  goal_id: null,
  status: "accepted",
  proposed_by_user_id: null,
  knowledge_item_ids: [],
  version: 1,
});
const ITEMS = [item("a", "Opening", 1), item("b", "Employment", 2), item("c", "Data sharing", 3)];

function order() {
  return screen
    .getAllByTestId("agenda-item")
    .map((li) => ITEMS.find((i) => li.textContent?.includes(i.title))?.id);
}

function dataTransfer() {
  const data = new Map<string, string>();
  return {
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? "",
    effectAllowed: "all",
    dropEffect: "none",
  };
}

beforeEach(async () => {
  initI18n("en");
  await setLanguage("en");
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  session.reset();
  await setLanguage("he");
});

describe("reordering helpers", () => {
  it("move one item to another place", () => {
    expect(moveTo(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveTo(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveTo(["a", "b"], 0, 5)).toEqual(["a", "b"]);
    expect(moveBy(["a", "b", "c"], "b", -1)).toEqual(["b", "a", "c"]);
    expect(moveBy(["a", "b", "c"], "c", 1)).toEqual(["a", "b", "c"]);
  });
});

describe("agenda list", () => {
  const render = (onReorder?: (ids: string[]) => void) =>
    renderApp(
      <AgendaList
        items={ITEMS}
        onReorder={onReorder}
        renderDetails={(i) => <span>{i.title}</span>}
      />,
    );

  it("drag and drop hands the whole new order over", () => {
    const onReorder = vi.fn();
    render(onReorder);
    const rows = screen.getAllByTestId("agenda-item");
    expect(rows[0]).toHaveAttribute("draggable", "true");
    const transfer = dataTransfer();
    fireEvent.dragStart(rows[2], { dataTransfer: transfer });
    fireEvent.dragOver(rows[0], { dataTransfer: transfer });
    fireEvent.drop(rows[0], { dataTransfer: transfer });
    expect(onReorder).toHaveBeenCalledWith(["c", "a", "b"]);
    expect(screen.getByRole("status")).toHaveTextContent(
      "“Data sharing” moved to position 1 of 3.",
    );
  });

  it("dropping an item on itself changes nothing", () => {
    const onReorder = vi.fn();
    render(onReorder);
    const rows = screen.getAllByTestId("agenda-item");
    const transfer = dataTransfer();
    fireEvent.dragStart(rows[1], { dataTransfer: transfer });
    fireEvent.drop(rows[1], { dataTransfer: transfer });
    expect(onReorder).not.toHaveBeenCalled();
  });

  it("the keyboard way: move up/down buttons, disabled at the ends", async () => {
    const onReorder = vi.fn();
    const user = userEvent.setup();
    render(onReorder);
    expect(screen.getByRole("button", { name: "Move “Opening” up" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move “Data sharing” down" })).toBeDisabled();
    screen.getByRole("button", { name: "Move “Opening” down" }).focus();
    await user.keyboard("{Enter}");
    expect(onReorder).toHaveBeenLastCalledWith(["b", "a", "c"]);
    screen.getByRole("button", { name: "Move “Data sharing” up" }).focus();
    await user.keyboard(" ");
    expect(onReorder).toHaveBeenLastCalledWith(["a", "c", "b"]);
  });

  it("without onReorder (members, a held meeting) nothing can be moved", () => {
    render(undefined);
    expect(screen.queryByRole("button", { name: /Move/ })).not.toBeInTheDocument();
    expect(screen.getAllByTestId("agenda-item")[0]).toHaveAttribute("draggable", "false");
  });
});

describe("agenda section", () => {
  const meeting = {
    id: "m1",
    roundtable_id: "rt1",
    status: "confirmed",
    starts_at: "2026-12-09T08:00:00Z",
    ends_at: "2026-12-09T09:00:00Z",
    timezone: "Asia/Jerusalem",
  } as Meeting;
  const agenda = (ids: string[]): Agenda => ({
    meeting_id: "m1",
    items: ids.map((id, i) => ({ ...ITEMS.find((x) => x.id === id)!, position: i + 1 })),
    planned_minutes: 90,
    meeting_minutes: 60,
    over_by_minutes: 30,
  });

  function stub() {
    let current = ["a", "b", "c"];
    return stubFetch(async (call) => {
      if (call.method === "GET" && call.path === "/api/v1/meetings/m1/agenda")
        return json(agenda(current));
      if (call.method === "PUT" && call.path === "/api/v1/meetings/m1/agenda/order") {
        current = JSON.parse(call.body).item_ids;
        return json(agenda(current));
      }
      return json({ code: "not_found", detail: "nope", status: 404 }, 404);
    });
  }

  it("shows the total against the meeting's length and warns when over", async () => {
    stub();
    renderApp(
      <AgendaSection
        meeting={meeting}
        can={abilities(["meetings:manage"])}
        presenters={new Map()}
      />,
    );
    expect(await screen.findByText("Planned: 90 of 60 minutes")).toBeInTheDocument();
    expect(
      screen.getByText("The agenda runs 30 minutes over the meeting's length."),
    ).toBeInTheDocument();
  });

  it("a keyboard move saves the new order in one PUT and keeps focus on the moved item", async () => {
    const calls = stub();
    const user = userEvent.setup();
    renderApp(
      <AgendaSection
        meeting={meeting}
        can={abilities(["meetings:manage"])}
        presenters={new Map()}
      />,
    );
    const down = await screen.findByRole("button", { name: "Move “Opening” down" });
    await user.click(down);
    await waitFor(() => expect(order()).toEqual(["b", "a", "c"]));
    const puts = calls.filter((c) => c.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(JSON.parse(puts[0].body)).toEqual({ item_ids: ["b", "a", "c"] });
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Move “Opening” down" })).toHaveFocus(),
    );
  });

  it("a drag saves the new order in one PUT", async () => {
    const calls = stub();
    renderApp(
      <AgendaSection
        meeting={meeting}
        can={abilities(["meetings:manage"])}
        presenters={new Map()}
      />,
    );
    await screen.findByText("Data sharing");
    const rows = screen.getAllByTestId("agenda-item");
    const transfer = dataTransfer();
    await act(async () => {
      fireEvent.dragStart(rows[0], { dataTransfer: transfer });
      fireEvent.dragOver(rows[2], { dataTransfer: transfer });
      fireEvent.drop(rows[2], { dataTransfer: transfer });
    });
    await waitFor(() => expect(order()).toEqual(["b", "c", "a"]));
    const puts = calls.filter((c) => c.method === "PUT");
    expect(puts.map((p) => JSON.parse(p.body))).toEqual([{ item_ids: ["b", "c", "a"] }]);
  });

  it("members see no reorder, edit or delete controls, but may propose", async () => {
    stub();
    renderApp(
      <AgendaSection
        meeting={meeting}
        can={abilities(["agenda:propose"])}
        presenters={new Map()}
      />,
    );
    await screen.findByText("Data sharing");
    expect(screen.queryByRole("button", { name: /Move/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Edit|Delete/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Propose an agenda item" })).toBeInTheDocument();
  });
});
