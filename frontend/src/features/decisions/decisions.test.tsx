import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../api/session";
import { initI18n, setLanguage } from "../../i18n";
import { renderApp } from "../../test/render";
import { allowedTransitions, groupForBoard, myEndorsingSeats, type DecisionStatus } from "./api";
import { DecisionTransitions } from "./DecisionTransitions";
import { EndorsementMatrix } from "./EndorsementMatrix";
import { decision, meFor, RT, sectors } from "./testData";

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

describe("confirming a status move", () => {
  const facilitator = ["decisions:steer"];

  it("says plainly when agreement is recorded without consensus, and what happens next", async () => {
    const user = userEvent.setup();
    renderApp(
      <DecisionTransitions
        decision={decision({ status: "in_discussion", consensus: false })}
        permissions={facilitator}
        isProposer={false}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Mark agreed" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByTestId("no-consensus-warning")).toHaveTextContent(/no consensus/i);
    expect(dialog).toHaveTextContent(/government host can then mark it adopted/);
  });

  it("gives no warning when there is consensus", async () => {
    const user = userEvent.setup();
    renderApp(
      <DecisionTransitions
        decision={decision({ status: "in_discussion", consensus: true })}
        permissions={facilitator}
        isProposer={false}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Mark agreed" }));
    await screen.findByRole("dialog");
    expect(screen.queryByTestId("no-consensus-warning")).toBeNull();
  });
});
