import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatTime, formatZoneName } from "./format";

describe("formatDateTime in the meeting's timezone", () => {
  it("shows Jerusalem wall-clock time in winter (UTC+2)", () => {
    const text = formatDateTime("2026-12-09T08:00:00Z", "Asia/Jerusalem", "en");
    expect(text).toContain("10:00");
    expect(text).toContain("Dec");
    expect(text).toContain("2026");
    expect(text).toContain("Israel Time");
    expect(text).not.toMatch(/GMT/);
  });

  it("shows Jerusalem wall-clock time in summer (UTC+3)", () => {
    expect(formatDateTime("2026-07-14T07:00:00Z", "Asia/Jerusalem", "en")).toContain("10:00");
  });

  it("uses the meeting's zone, not the browser's", () => {
    const ny = formatDateTime("2026-12-09T15:00:00Z", "America/New_York", "en");
    expect(ny).toContain("10:00");
    expect(ny).not.toContain("17:00");
  });

  it("crosses the date line with the zone", () => {
    // 23:30 UTC on the 9th is already the 10th in Jerusalem.
    expect(formatDateTime("2026-12-09T23:30:00Z", "Asia/Jerusalem", "en")).toMatch(/10 Dec 2026/);
  });

  it("writes Hebrew for he", () => {
    const text = formatDateTime("2026-12-09T08:00:00Z", "Asia/Jerusalem", "he");
    expect(text).toContain("10:00");
    expect(text).toMatch(/[\u0590-\u05FF]/); // Hebrew letters (month, weekday)
    expect(text).toContain("שעון ישראל");
    expect(text).toContain("2026");
  });

  it("falls back to Asia/Jerusalem for a missing or unknown zone", () => {
    expect(formatDateTime("2026-12-09T08:00:00Z", null, "en")).toContain("10:00");
    expect(formatDateTime("2026-12-09T08:00:00Z", "Not/AZone", "en")).toContain("10:00");
  });

  it("returns the input when it is not a date", () => {
    expect(formatDateTime("soon", "Asia/Jerusalem", "en")).toBe("soon");
  });

  it("formats only the time, 24-hour", () => {
    expect(formatTime("2026-12-09T11:00:00Z", "Asia/Jerusalem", "en")).toBe("13:00");
  });
});

describe("formatDate", () => {
  it("never shifts a calendar date", () => {
    expect(formatDate("2026-12-11", "en")).toBe("11 Dec 2026");
    expect(formatDate("2026-01-01", "he")).toContain("2026");
    expect(formatDate("2026-01-01", "he")).toMatch(/^1 /);
  });
});

describe("formatDay", () => {
  it("gives the day in the zone", () => {
    expect(formatDay("2026-12-09T23:30:00Z", "Asia/Jerusalem", "en")).toBe("10 Dec 2026");
    expect(formatDay("2026-12-09T23:30:00Z", "UTC", "en")).toBe("9 Dec 2026");
  });
});

describe("formatZoneName", () => {
  it("names the zone in the UI's language", () => {
    expect(formatZoneName("2026-12-09T08:00:00Z", "Asia/Jerusalem", "en")).toBe("Israel Time");
    expect(formatZoneName("2026-07-09T08:00:00Z", "Asia/Jerusalem", "he")).toBe("שעון ישראל");
  });
});
