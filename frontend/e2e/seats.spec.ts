import { expect, test, type Page } from "@playwright/test";
import {
  expectAccessible,
  openTab,
  PMO_HE,
  screenshot,
  settled,
  signIn,
  switchTo,
  watchConsole,
} from "./helpers";

// Seat management on the roundtable page: the facilitator adds a seat for a stakeholder, meets the
// API's refusal of an overlapping second seat, and ends the seat; a member is offered none of it.

const PERSON = "דפנה אורן"; // Yad Hanadiv: no seat at the PMO roundtable in the demo world

/** yyyy-mm-dd on the Jerusalem calendar, `days` from today. */
function jerusalemDate(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jerusalem" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

async function openPmo(page: Page) {
  await page.getByRole("link", { name: PMO_HE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: PMO_HE })).toBeVisible();
}

async function addSeat(page: Page) {
  await page.getByRole("button", { name: "הוספת מושב" }).click();
  const dialog = page.getByRole("dialog", { name: "הוספת מושב" });
  await dialog.getByRole("combobox", { name: "בעל/ת העניין" }).fill("דפנה");
  await page.getByRole("option", { name: new RegExp(`^${PERSON}`) }).click();
  // The sector defaults to the organisation's (a philanthropic foundation).
  await expect(dialog.getByRole("combobox", { name: "מגזר" })).toHaveValue("המגזר העסקי-פילנתרופי");
  await dialog.getByRole("combobox", { name: "תפקיד" }).click();
  await expect(page.getByRole("option", { name: "מנחה" })).toBeVisible(); // the facilitator may
  await page.getByRole("option", { name: "משקיף/ה" }).click();
  await dialog.getByLabel("תחילת הכהונה").fill(jerusalemDate(-7));
  await dialog.getByRole("button", { name: "הוספה", exact: true }).click();
  return dialog;
}

test("the facilitator adds a seat and ends it; a member sees no seat management", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await signIn(page, "facilitator");
  await openPmo(page);
  await openTab(page, "מושבים");
  const current = page.getByRole("table", { name: "מושבים נוכחיים" });
  await expect(current.getByTestId("seat-row").first()).toBeVisible();
  await expect(current.getByTestId("seat-row").filter({ hasText: PERSON })).toHaveCount(0);

  let dialog = await addSeat(page);
  await expect(dialog).toBeHidden();
  const row = current.getByTestId("seat-row").filter({ hasText: PERSON });
  await expect(row).toBeVisible();
  await expect(row.getByRole("combobox", { name: `התפקיד של ${PERSON}` })).toHaveValue("משקיף/ה");
  await settled(page);
  await screenshot(page, "seats-he");
  await expectAccessible(page, "seats-he");

  // A second seat for the same person at the same time: the API's problem is shown.
  dialog = await addSeat(page);
  await expect(dialog.getByRole("alert")).toBeVisible();
  await expect(dialog.getByRole("alert")).not.toHaveText("");
  await dialog.getByRole("button", { name: "ביטול" }).click();

  // Change the role, then end the seat.
  await row.getByRole("combobox", { name: `התפקיד של ${PERSON}` }).click();
  await page.getByRole("option", { name: "חבר/ה" }).click();
  await expect(row.getByRole("combobox", { name: `התפקיד של ${PERSON}` })).toHaveValue("חבר/ה");
  await row.getByRole("button", { name: `סיום הכהונה של ${PERSON}` }).click();
  const end = page.getByRole("dialog", { name: "סיום כהונה במושב" });
  await end.getByLabel("סיום הכהונה").fill(jerusalemDate(-1)); // its last day was yesterday
  await end.getByRole("button", { name: "סיום הכהונה במושב" }).click();
  await expect(end).toBeHidden();
  await expect(current.getByTestId("seat-row").filter({ hasText: PERSON })).toHaveCount(0);
  await expect(
    page
      .getByRole("table", { name: "מושבים קודמים" })
      .getByTestId("seat-row")
      .filter({ hasText: PERSON }),
  ).toBeVisible();
  expect(problems, "no script errors or CSP refusals").toEqual([]);

  // A member: no seats tab at all.
  await switchTo(page, "member");
  await openPmo(page);
  await settled(page);
  await expect(page.getByRole("tab", { name: "ביקורת" })).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "מושבים", exact: true })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}?tab=seats`);
  await expect(page.getByRole("button", { name: "הוספת מושב" })).toHaveCount(0);
});
