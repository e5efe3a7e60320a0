import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { initI18n, setLanguage } from "../../i18n";
import { renderApp } from "../../test/render";
import type { AgendaItem, SpeakingReport, SpeakingTurnCreate } from "./api";
import { formatClock, sectorBalance } from "./balance";
import { SpeakingTimerBoard, type SectorInfo, type TablePerson } from "./SpeakingTimer";

const GOV = "sector-gov";
const CIV = "sector-civ";
const people: TablePerson[] = [
  { seatId: "seat-dana", name: "Dana", sectorId: GOV },
  { seatId: "seat-omar", name: "Omar", sectorId: CIV },
  { seatId: "seat-rina", name: "Rina", sectorId: CIV },
];
const sectors: SectorInfo = {
  name: (id) => (id === GOV ? "Government" : "Civil society"),
  colour: () => "#1e88e5",
  order: (id) => (id === GOV ? 1 : 2),
};
const item = { id: "item-1", title: "Employment", status: "accepted" } as AgendaItem;

/** What the API would answer: totals per sector and person from every turn posted so far. */
function fakeApi() {
  const turns: SpeakingTurnCreate[] = [];
  const postTurn = vi.fn(async (body: SpeakingTurnCreate): Promise<SpeakingReport> => {
    turns.push(body);
    const bySeat = new Map<string, number>();
    for (const t of turns) bySeat.set(t.seat_id, (bySeat.get(t.seat_id) ?? 0) + t.seconds);
    const total = [...bySeat.values()].reduce((a, b) => a + b, 0);
    const bySector = new Map<string, number>();
    for (const [seat, s] of bySeat) {
      const sector = people.find((p) => p.seatId === seat)!.sectorId;
      bySector.set(sector, (bySector.get(sector) ?? 0) + s);
    }
    return {
      meeting_id: "m1",
      total_seconds: total,
      by_sector: [...bySector].map(([key_id, seconds]) => ({
        key_id,
        name: key_id,
        seconds,
        turns: 1,
        share: seconds / total,
      })),
      by_person: [...bySeat].map(([key_id, seconds]) => ({
        key_id,
        name: key_id,
        seconds,
        turns: 1,
        share: seconds / total,
      })),
    };
  });
  return { postTurn, turns };
}

function balanceRows() {
  return screen
    .queryAllByTestId("sector-balance")
    .map((row) => [...row.querySelectorAll("p")].map((p) => p.textContent).join(" "));
}

beforeEach(async () => {
  vi.useFakeTimers({ now: new Date("2026-12-09T08:00:00Z") });
  initI18n("en");
  await setLanguage("en");
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await setLanguage("he");
});

function renderBoard(postTurn: (b: SpeakingTurnCreate) => Promise<SpeakingReport>) {
  return renderApp(
    <SpeakingTimerBoard
      people={people}
      sectors={sectors}
      agendaItems={[item]}
      report={undefined}
      postTurn={postTurn}
    />,
  );
}

describe("speaking timer", () => {
  it("groups the people at the table by sector, as toggle buttons", () => {
    renderBoard(fakeApi().postTurn);
    const gov = screen.getByRole("group", { name: "Government" });
    const civ = screen.getByRole("group", { name: "Civil society" });
    expect(
      within(gov)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Dana0:00"]);
    expect(within(civ).getAllByRole("button")).toHaveLength(2);
    expect(screen.getByRole("button", { name: /Dana/ })).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("button", { name: "Stop" })).toBeDisabled();
  });

  it("runs a visible clock, and choosing the next person posts the previous turn", async () => {
    const api = fakeApi();
    renderBoard(api.postTurn);
    fireEvent.click(screen.getByRole("button", { name: /Dana/ }));
    expect(screen.getByRole("button", { name: /Dana/ })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByText("Now speaking: Dana")).toBeInTheDocument();

    await act(async () => vi.advanceTimersByTime(75_000));
    expect(screen.getByRole("timer")).toHaveTextContent("1:15");
    // The balance moves while Dana speaks, before anything is saved.
    expect(balanceRows()).toEqual(["Government 1:15 (100%)"]);
    expect(api.postTurn).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /Omar/ }));
    });
    expect(api.postTurn).toHaveBeenCalledTimes(1);
    expect(api.turns[0]).toEqual({
      seat_id: "seat-dana",
      agenda_item_id: null,
      seconds: 75,
      started_at: "2026-12-09T08:00:00.000Z",
    });
    expect(screen.getByRole("button", { name: /Dana/ })).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("button", { name: /Omar/ })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("timer")).toHaveTextContent("0:00");

    await act(async () => vi.advanceTimersByTime(25_000));
    // Saved report (Dana 75 s) plus Omar's running 25 s.
    expect(balanceRows()).toEqual(["Government 1:15 (75%)", "Civil society 0:25 (25%)"]);

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    });
    expect(api.turns[1]).toMatchObject({ seat_id: "seat-omar", seconds: 25 });
    expect(screen.getByText(/Nobody is speaking/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Stop" })).toBeDisabled();
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(screen.getByRole("timer")).toHaveTextContent("0:00");
    expect(balanceRows()).toEqual(["Government 1:15 (75%)", "Civil society 0:25 (25%)"]);
  });

  it("is driven from the keyboard: Enter or Space on a person starts their turn", async () => {
    const api = fakeApi();
    renderBoard(api.postTurn);
    const rina = screen.getByRole("button", { name: /Rina/ });
    rina.focus();
    // A native <button>: Enter and Space activate it (as a click) in every browser.
    expect(rina.tagName).toBe("BUTTON");
    fireEvent.click(rina);
    await act(async () => vi.advanceTimersByTime(3_000));
    await act(async () => {
      fireEvent.click(rina); // choosing the speaker again ends the turn
    });
    expect(api.turns).toEqual([expect.objectContaining({ seat_id: "seat-rina", seconds: 3 })]);
  });

  it("records the current agenda item with the turn", async () => {
    const api = fakeApi();
    renderBoard(api.postTurn);
    fireEvent.change(screen.getByRole("combobox", { name: "Current agenda item" }), {
      target: { value: "item-1" },
    });
    fireEvent.click(screen.getByRole("button", { name: /Omar/ }));
    await act(async () => vi.advanceTimersByTime(5_000));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    });
    expect(api.turns[0]).toMatchObject({ seat_id: "seat-omar", agenda_item_id: "item-1" });
  });

  it("a turn that failed to save stays in the balance and can be sent again", async () => {
    let fail = true;
    const api = fakeApi();
    const postTurn = vi.fn(async (body: SpeakingTurnCreate) => {
      if (fail) throw new Error("offline");
      return api.postTurn(body);
    });
    renderBoard(postTurn);
    fireEvent.click(screen.getByRole("button", { name: /Dana/ }));
    await act(async () => vi.advanceTimersByTime(30_000));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Stop" }));
    });
    expect(screen.getByRole("alert")).toHaveTextContent("A speaking turn was not saved");
    expect(balanceRows()).toEqual(["Government 0:30 (100%)"]);
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    });
    expect(api.turns).toEqual([expect.objectContaining({ seat_id: "seat-dana", seconds: 30 })]);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(balanceRows()).toEqual(["Government 0:30 (100%)"]);
  });
});

describe("sector balance", () => {
  it("adds unsaved and running turns to the last report", () => {
    const report = {
      by_sector: [{ key_id: GOV, name: "", seconds: 60, turns: 1, share: 1 }],
    };
    expect(sectorBalance(report, [{ sectorId: CIV, seconds: 20 }])).toEqual([
      { sectorId: GOV, seconds: 60, share: 0.75 },
      { sectorId: CIV, seconds: 20, share: 0.25 },
    ]);
    expect(sectorBalance(undefined, [])).toEqual([]);
  });
  it("formats the clock", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(75)).toBe("1:15");
    expect(formatClock(3725)).toBe("1:02:05");
  });
});
