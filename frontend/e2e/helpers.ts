import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PASSWORD = "shulchan-demo";
export const PMO_HE = "השולחן העגול במשרד ראש הממשלה (השולחן הממשקי)";
export const PMO_EN = "The Prime Minister's Office Roundtable (the interface roundtable)";
export const EDUCATION_HE = "השולחן העגול במשרד החינוך";
export const EDUCATION_EN = "The Ministry of Education Roundtable";

export const ROLES = ["admin", "facilitator", "host", "member", "observer"] as const;
export type Role = (typeof ROLES)[number];
export const email = (role: Role | "facilitator2") => `${role}@demo.shulchan.org`;

const RESULTS = join(import.meta.dirname, "..", "test-results");

export async function signIn(page: Page, who: Role | "facilitator2") {
  await page.goto("/sign-in");
  await page.locator('input[name="username"]').fill(email(who));
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/**
 * Click a consequential step's button, check that its dialog says what follows (`expects`), and
 * confirm it there (the dialog's own button of the same name).
 */
export async function confirmStep(page: Page, button: string, expects: RegExp | string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(expects);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** Wait until no loader is showing (every section has its data or its error). */
export async function settled(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /טוען|Loading/ })).toHaveCount(0);
}

export async function screenshot(page: Page, name: string) {
  const dir = join(RESULTS, "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** axe-core against WCAG 2.1 A/AA: no serious or critical violations. Writes the full result. */
export async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const dir = join(RESULTS, "axe");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(results.violations, null, 2));
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(" | ")}`,
    );
  expect(serious, `axe on ${name}`).toEqual([]);
  return results;
}

/** Put a demo user's profile language back to Hebrew (tests that switch language call this after). */
export async function resetLanguage(request: APIRequestContext, who: Role | "facilitator2") {
  const token = await request.post("/api/v1/auth/token", {
    form: { username: email(who), password: PASSWORD, grant_type: "password" },
  });
  expect(token.ok()).toBeTruthy();
  const { access_token } = (await token.json()) as { access_token: string };
  const patched = await request.patch("/api/v1/me", {
    headers: { Authorization: `Bearer ${access_token}` },
    data: { preferred_language: "he" },
  });
  expect(patched.ok()).toBeTruthy();
}

/**
 * Collect what would show in the browser console as a real problem: uncaught exceptions and CSP
 * refusals (the backend's policy allows only our own scripts, styles, fonts and connections).
 * Failed requests (e.g. a 404 for minutes not written yet) are the API's answers, not problems.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`csp: ${text}`);
    else if (message.type() === "error" && !/Failed to load resource/.test(text))
      problems.push(`console: ${text}`);
  });
  return problems;
}

/** "YYYY-MM-DDTHH:mm" on the Jerusalem wall clock, `hours` from now (for datetime-local inputs). */
export function jerusalemWallTime(hours: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Jerusalem",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(Date.now() + hours * 3_600_000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** Open a tab by its exact name and wait for its data. */
export async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name, exact: true }).click();
  await settled(page);
}

/** Another person on the same page: forget the sign-in (the next load drops the memory token). */
export async function switchTo(page: Page, who: Role | "facilitator2") {
  await page.evaluate(() => localStorage.removeItem("shulchan.refresh_token"));
  await signIn(page, who);
}

/** Move a decision by its transition button and confirm (the dialog's button is "אישור" in Hebrew). */
export async function move(page: Page, button: string, status: string, confirm = "אישור") {
  await page.getByTestId("decision-transitions").getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("decision-status")).toHaveText(status);
}

export async function endorse(page: Page, position: string, comment: string) {
  const mine = page.getByTestId("my-endorsement");
  await mine.getByRole("radio", { name: position }).check();
  await mine.getByLabel("הערה").fill(comment);
  await mine.getByRole("button", { name: /שמירת העמדה|עדכון העמדה/ }).click();
  await expect(mine.getByRole("status")).toHaveText("העמדה נשמרה.");
}

/** The matrix row of a sector: its cells, by position. */
export function sectorRow(page: Page, sector: string) {
  return page.getByTestId("endorsement-matrix").getByRole("row").filter({ hasText: sector });
}
