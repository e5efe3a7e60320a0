import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../../api/session";
import { initI18n, setLanguage } from "../../i18n";
import { json, stubFetch } from "../../test/fetchStub";
import { renderApp } from "../../test/render";
import type { Meeting } from "../../shared/lookups";
import type { Minutes } from "./api";
import { MinutesSection } from "./MinutesSection";

const meeting = {
  id: "m1",
  roundtable_id: "rt1",
  status: "held",
  starts_at: "2026-12-09T08:00:00Z",
  ends_at: "2026-12-09T10:00:00Z",
  timezone: "Asia/Jerusalem",
} as Meeting;

function minutes(version: number, body: string, status: Minutes["status"] = "draft"): Minutes {
  const revision = {
    number: 1,
    status,
    reason: null,
    created_by_user_id: "u1",
    created_at: "2026-12-09T12:00:00Z",
    circulated_at: null,
    approved_by_user_id: null,
    approved_at: null,
  };
  return {
    id: "min1",
    meeting_id: "m1",
    roundtable_id: "rt1",
    status,
    revision: 1,
    shown_revision: { ...revision, body },
    revisions: [revision],
    public_summary: null,
    public_summary_published_at: null,
    version,
  };
}

const FACILITATOR = { writeMinutes: true, approveMinutes: true, commentMinutes: true };
const MEMBER = { writeMinutes: false, approveMinutes: false, commentMinutes: true };

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

describe("minutes editor", () => {
  it("saves the draft with If-Match and shows a live preview", async () => {
    let server = minutes(3, "First paragraph.");
    const calls = stubFetch(async (call) => {
      if (call.method === "GET" && call.path === "/api/v1/meetings/m1/minutes") return json(server);
      if (call.method === "PATCH" && call.path === "/api/v1/minutes/min1") {
        server = minutes(4, JSON.parse(call.body).body);
        return json(server);
      }
      return json({ items: [], next_cursor: null });
    });
    const user = userEvent.setup();
    renderApp(<MinutesSection meeting={meeting} can={FACILITATOR} />);
    const editor = await screen.findByRole("textbox", { name: /Minutes text/ });
    await user.clear(editor);
    await user.type(editor, "**Agreed** on a plan.");
    const preview = screen.getByTestId("minutes-preview");
    expect(within(preview).getByText("Agreed").tagName).toBe("STRONG");
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
    const patch = calls.find((c) => c.method === "PATCH")!;
    expect(patch.ifMatch).toBe('"3"');
    expect(JSON.parse(patch.body)).toEqual({ body: "**Agreed** on a plan." });
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
  });

  it("412: tells the user someone else saved, keeps their text, and reloads on request", async () => {
    let server = minutes(3, "Original text.");
    const calls = stubFetch(async (call) => {
      if (call.method === "GET" && call.path === "/api/v1/meetings/m1/minutes") return json(server);
      if (call.method === "PATCH") {
        if (call.ifMatch !== `"${server.version}"`)
          return json(
            {
              type: "about:blank",
              title: "Precondition failed",
              status: 412,
              code: "stale_version",
              detail: "This object changed since you read it.",
            },
            412,
          );
        server = minutes(server.version + 1, JSON.parse(call.body).body);
        return json(server);
      }
      return json({ items: [], next_cursor: null });
    });
    const user = userEvent.setup();
    renderApp(<MinutesSection meeting={meeting} can={FACILITATOR} />);
    const editor = await screen.findByRole("textbox", { name: /Minutes text/ });
    // Meanwhile a colleague saves their version.
    server = minutes(4, "Colleague's text.");
    await user.clear(editor);
    await user.type(editor, "My careful wording.");
    await user.click(screen.getByRole("button", { name: "Save draft" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Someone else changed this meanwhile");
    expect(editor).toHaveValue("My careful wording."); // nothing lost
    await user.click(within(alert).getByRole("button", { name: "Show the latest" }));

    expect(await screen.findByTestId("their-text")).toHaveTextContent("Colleague's text.");
    expect(screen.getByRole("textbox", { name: /Minutes text/ })).toHaveValue(
      "My careful wording.",
    );
    expect(screen.queryByText("Someone else changed this meanwhile")).not.toBeInTheDocument();

    // Saving again now carries the new version and wins.
    await user.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(server.shown_revision.body).toBe("My careful wording."));
    const patches = calls.filter((c) => c.method === "PATCH").map((c) => c.ifMatch);
    expect(patches).toEqual(['"3"', '"4"']);
  });

  it("members never see a draft: the API answers 404 and the page says 'no minutes yet'", async () => {
    stubFetch(async () =>
      json(
        { code: "not_found", status: 404, detail: "No minutes with this id are visible to you." },
        404,
      ),
    );
    renderApp(<MinutesSection meeting={meeting} can={MEMBER} />);
    expect(await screen.findByText("No minutes yet.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Start the minutes" })).not.toBeInTheDocument();
  });

  it("circulated: a member clicks a paragraph and comments on it", async () => {
    const calls = stubFetch(async (call) => {
      if (call.path === "/api/v1/meetings/m1/minutes")
        return json(minutes(5, "One.\n\nTwo.\n\nThree.", "circulated"));
      if (call.method === "POST" && call.path === "/api/v1/minutes/min1/comments")
        return json({ id: "c1", ...JSON.parse(call.body) }, 201);
      return json({ items: [], next_cursor: null });
    });
    const user = userEvent.setup();
    renderApp(<MinutesSection meeting={meeting} can={MEMBER} />);
    const paragraphs = await screen.findAllByTestId("minutes-paragraph");
    expect(paragraphs).toHaveLength(3);
    expect(screen.queryByRole("button", { name: "Approve" })).not.toBeInTheDocument();
    await user.click(within(paragraphs[1]).getByText("Two."));
    const box = screen.getByRole("textbox", { name: "Your comment on paragraph 2" });
    expect(box).toHaveFocus();
    await user.type(box, "Please reword.");
    await user.click(screen.getByRole("button", { name: "Send comment" }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === "POST")!.body)).toEqual({
      body: "Please reword.",
      paragraph: 1,
    });
  });
});
