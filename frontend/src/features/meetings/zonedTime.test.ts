import { describe, expect, it } from "vitest";
import { abilities, hasStarted } from "./permissions";
import type { Meeting } from "./api";
import { utcToWallTime, wallTimeToUtc } from "./zonedTime";

describe("wall-clock times in the meeting's zone", () => {
  it("converts Jerusalem winter (UTC+2) and summer (UTC+3) times to UTC and back", () => {
    expect(wallTimeToUtc("2026-12-09T10:00", "Asia/Jerusalem")).toBe("2026-12-09T08:00:00.000Z");
    expect(wallTimeToUtc("2026-07-14T10:00", "Asia/Jerusalem")).toBe("2026-07-14T07:00:00.000Z");
    expect(utcToWallTime("2026-12-09T08:00:00Z", "Asia/Jerusalem")).toBe("2026-12-09T10:00");
    expect(utcToWallTime("2026-07-14T07:00:00Z", "Asia/Jerusalem")).toBe("2026-07-14T10:00");
  });
  it("does not depend on the browser's zone, and refuses malformed input", () => {
    expect(wallTimeToUtc("2026-12-09T10:00", "UTC")).toBe("2026-12-09T10:00:00.000Z");
    expect(wallTimeToUtc("9/12/2026 10:00", "Asia/Jerusalem")).toBeNull();
  });
});

describe("meeting permissions", () => {
  it("members propose; only facilitators get the timer and process notes", () => {
    const member = abilities(["roundtable:view", "agenda:propose", "rsvp:own", "minutes:comment"]);
    expect(member).toMatchObject({ manage: false, propose: true, speaking: false, notes: false });
    const host = abilities(["meetings:manage", "attendance:view", "minutes:approve"]);
    expect(host).toMatchObject({ manage: true, viewAttendance: true, recordAttendance: false });
  });
  it("attendance opens 12 hours before the start", () => {
    const at = (starts_at: string, status: Meeting["status"] = "planned") =>
      ({ starts_at, status }) as Meeting;
    const now = Date.parse("2026-12-09T00:00:00Z");
    expect(hasStarted(at("2026-12-09T08:00:00Z"), now)).toBe(true);
    expect(hasStarted(at("2026-12-10T08:00:00Z"), now)).toBe(false);
    expect(hasStarted(at("2026-12-10T08:00:00Z", "held"), now)).toBe(true);
    expect(hasStarted(at("2026-12-09T08:00:00Z", "cancelled"), now)).toBe(false);
  });
});
