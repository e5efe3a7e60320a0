import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  confirmStep,
  expectAccessible,
  jerusalemWallTime,
  openTab,
  PMO_HE,
  resetLanguage,
  screenshot,
  settled,
  signIn,
  watchConsole,
  type Role,
} from "./helpers";

async function as(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

function agendaTitles(page: Page) {
  return page.getByTestId("agenda-item").locator("p.mantine-Text-root[dir=auto]").allTextContents();
}

test.use({ actionTimeout: 15_000 });

// The English pass switches the facilitator's profile language: put it back whatever happens.
test.afterEach(async ({ request }) => {
  await resetLanguage(request, "facilitator");
});

test("a meeting cycle in Hebrew: schedule, agenda, RSVP, attendance, timer, minutes, approval", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const problems = watchConsole(page);
  const title = `מפגש בדיקה ${Date.now()}`;

  // --- The facilitator schedules a meeting on the PMO roundtable (starting within the hour). ---
  await signIn(page, "facilitator");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("link", { name: PMO_HE }).first().click();
  await openTab(page, "מפגשים");
  await page.getByRole("button", { name: "קביעת מפגש" }).click();
  const dialog = page.getByRole("dialog", { name: "קביעת מפגש" });
  await dialog.getByRole("textbox", { name: "כותרת", exact: true }).fill(title);
  await dialog.getByLabel("התחלה").fill(jerusalemWallTime(0.5));
  await dialog.getByLabel("סיום").fill(jerusalemWallTime(2.5));
  await dialog.getByRole("radio", { name: "מקוון" }).check();
  await dialog.getByRole("button", { name: "קביעה" }).click();
  // The API's 422 (an online meeting needs a link) is shown on the field itself.
  const url = dialog.getByLabel("קישור למפגש מקוון");
  await expect(url).toHaveAttribute("aria-invalid", "true");
  // …in Hebrew, not in the API's English.
  await expect(dialog.getByText("לפגישה זו נדרש קישור מקוון.")).toBeVisible();
  await expect(dialog.getByText(/online_url/)).toHaveCount(0);
  await url.fill("https://meet.example.org/e2e");
  // A double click schedules one meeting, not two.
  await dialog.getByRole("button", { name: "קביעה" }).dblclick();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const meetingUrl = new URL(page.url()).pathname;
  await expect(page.getByText("מתוכנן", { exact: true })).toBeVisible();
  await expect(page.getByText("שעון ישראל").first()).toBeVisible(); // the zone by name, not "GMT+2"

  // --- Agenda: three items (one with a briefing pack), then reorder by drag and by keyboard. ---
  for (const [name, minutes] of [
    ["פתיחה", "15"],
    ["תעסוקה בפריפריה", "60"],
    ["סיכום והמשך", "20"],
  ] as const) {
    await page.getByRole("button", { name: "הוספת נושא" }).click();
    await page.getByRole("textbox", { name: "נושא", exact: true }).fill(name);
    await page.getByLabel("דקות מתוכננות").fill(minutes);
    if (name === "תעסוקה בפריפריה") {
      await page.getByLabel("חומרי רקע").first().click();
      await page.getByRole("option").first().click();
      await page.keyboard.press("Escape");
    }
    // A double click adds the item once.
    await page.getByRole("button", { name: "הוספת נושא" }).last().dblclick();
    await expect(page.getByTestId("agenda-item").filter({ hasText: name })).toBeVisible();
  }
  expect(await agendaTitles(page)).toEqual(["פתיחה", "תעסוקה בפריפריה", "סיכום והמשך"]);
  await expect(page.getByText("מתוכנן: 95 מתוך 120 דקות")).toBeVisible();
  const pack = page.getByTestId("agenda-item").filter({ hasText: "תעסוקה בפריפריה" });
  await expect(pack.getByRole("link").first()).toHaveAttribute(
    "href",
    /^\/knowledge\/[0-9a-f-]{36}$/,
  );

  // Drag "סיכום והמשך" onto the first place.
  const items = page.getByTestId("agenda-item");
  await items.filter({ hasText: "סיכום והמשך" }).dragTo(items.filter({ hasText: "פתיחה" }));
  await expect.poll(() => agendaTitles(page)).toEqual(["סיכום והמשך", "פתיחה", "תעסוקה בפריפריה"]);
  // The keyboard way: focus "move down" on the first item and press Enter.
  await page.getByRole("button", { name: "העברת „סיכום והמשך” למטה" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => agendaTitles(page)).toEqual(["פתיחה", "סיכום והמשך", "תעסוקה בפריפריה"]);
  await expect(page.getByRole("button", { name: "העברת „סיכום והמשך” למטה" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "הועבר למקום 2 מתוך 3" })).toBeAttached();
  // Saved on the server: a reload shows the same order.
  await page.reload();
  await expect.poll(() => agendaTitles(page)).toEqual(["פתיחה", "סיכום והמשך", "תעסוקה בפריפריה"]);

  // --- Invite every seat. ---
  await openTab(page, "הזמנות ונוכחות");
  await page.getByRole("button", { name: "הזמנת כל המושבים" }).click();
  await expect(page.getByText(/הוזמנו \d+ מושבים/)).toBeVisible();
  await expect(page.getByRole("table", { name: "תשובות לפי מגזר" })).toBeVisible();

  // --- The member RSVPs yes and proposes an agenda item; sees no facilitator tools. ---
  const member = await as(browser, "member");
  // From the home page's upcoming meetings, where the double-clicked meeting is there once.
  await expect(member.getByRole("link", { name: title })).toHaveCount(1);
  await member.getByRole("link", { name: title }).click();
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(member.getByRole("tab", { name: "שעון דוברים" })).toHaveCount(0);
  await expect(member.getByRole("tab", { name: "הערות תהליך" })).toHaveCount(0);
  await expect(member.getByRole("button", { name: "סימון שהמפגש התקיים" })).toHaveCount(0);
  await expect(member.getByRole("button", { name: /העברת/ })).toHaveCount(0);
  await member.getByRole("button", { name: "הצעת נושא לסדר היום" }).click();
  await member.getByRole("textbox", { name: "נושא", exact: true }).fill("הצעה מהחברה האזרחית");
  await member.getByRole("button", { name: "הצעת נושא לסדר היום" }).last().click();
  await expect(member.getByText("ההצעה נשלחה לצוות ההנחיה.")).toBeVisible();
  await openTab(member, "הזמנות ונוכחות");
  await member.getByRole("radio", { name: "מגיע/ה", exact: true }).check();
  await member.getByRole("textbox", { name: "הערה", exact: true }).fill("אגיע");
  await member.getByRole("button", { name: "שליחת התשובה" }).click();
  await expect(member.getByText("התשובה נשמרה.")).toBeVisible();
  await expect(member.getByRole("heading", { name: "נוכחות" })).toHaveCount(0);

  // --- The facilitator accepts the proposal, marks the meeting held and takes attendance. ---
  await openTab(page, "סדר יום");
  await page.getByRole("button", { name: "קבלת „הצעה מהחברה האזרחית”" }).click();
  await expect.poll(() => agendaTitles(page)).toContain("הצעה מהחברה האזרחית");
  await expect(page.getByText("…", { exact: true })).toHaveCount(0); // briefing-pack titles
  await screenshot(page, "meeting-agenda-he");
  await expectAccessible(page, "meeting-agenda-he");
  await confirmStep(page, "סימון שהמפגש התקיים", "סדר היום ייסגר");
  await expect(page.getByText("התקיים", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "הוספת נושא" })).toHaveCount(0);

  await openTab(page, "הזמנות ונוכחות");
  const rows = page.getByRole("table", { name: "רישום נוכחות" }).getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  const absentee = (await rows.nth(2).getByRole("cell").first().textContent())!;
  await page
    .getByRole("radiogroup", { name: `נוכחות של ${absentee}` })
    .getByText("נעדר/ת", { exact: true })
    .click();
  await page.getByRole("button", { name: "שמירת הנוכחות" }).click();
  await expect(page.getByText("הנוכחות נשמרה.")).toBeVisible();
  await expect(page.getByRole("table", { name: "שיעור נוכחות לפי מגזר" })).toBeVisible();
  await page.getByLabel("שם האורח/ת").fill("אורחת מהאוצר");
  await page.getByRole("button", { name: "הוספה", exact: true }).click();
  await expect(page.getByText(/אורחים: אורחת מהאוצר/)).toBeVisible();
  await expectAccessible(page, "meeting-people-he");

  // --- The speaking timer: two people from different sectors; the balance moves. ---
  await openTab(page, "שעון דוברים");
  const gov = page.getByRole("group", { name: "ממשלה" }).getByRole("button").first();
  const civ = page.getByRole("group", { name: "החברה האזרחית" }).getByRole("button").first();
  await gov.click();
  await expect(gov).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("timer")).not.toHaveText("0:00", { timeout: 5_000 });
  await expect(page.getByTestId("sector-balance")).toHaveCount(1);
  await page.waitForTimeout(1_200);
  const posted = page.waitForResponse(
    (r) => r.url().endsWith("/speaking-turns") && r.request().method() === "POST",
  );
  await civ.press("Enter"); // the keyboard starts a turn too
  expect((await posted).status()).toBe(201);
  await expect(civ).toHaveAttribute("aria-pressed", "true");
  await expect(gov).toHaveAttribute("aria-pressed", "false");
  await page.waitForTimeout(2_200);
  await expect(page.getByTestId("sector-balance")).toHaveCount(2);
  await screenshot(page, "meeting-timer-he");
  await expectAccessible(page, "meeting-timer-he");
  await page.getByRole("button", { name: "עצירה" }).click();
  await expect(page.getByText(/איש אינו מדבר/)).toBeVisible();
  await expect(page.getByTestId("sector-balance")).toHaveCount(2);
  const balance = await page.getByTestId("sector-balance").allTextContents();
  expect(balance.join(" ")).toMatch(/ממשלה/);
  expect(balance.join(" ")).toMatch(/החברה האזרחית/);

  // --- Minutes: the facilitator writes a draft; the member still sees "no minutes yet". ---
  await openTab(page, "פרוטוקול");
  await page.getByRole("button", { name: "התחלת הפרוטוקול" }).click();
  const editor = page.getByLabel(/נוסח הפרוטוקול/);
  await expect(editor).toHaveAttribute("dir", "auto"); // "## פתיחה" runs right to left
  await editor.fill(
    "## פתיחה\n\nהמפגש נפתח בברכת המשרד המארח.\n\nהוחלט לקדם **תוכנית תעסוקה** משותפת.",
  );
  await expect(page.getByTestId("minutes-preview").locator("strong")).toHaveText("תוכנית תעסוקה");
  await page.getByRole("button", { name: "שמירת הטיוטה" }).click();
  await expect(page.getByText("נשמר.", { exact: true })).toBeVisible();

  await member.reload();
  await openTab(member, "פרוטוקול");
  await expect(member.getByText("אין עדיין פרוטוקול.")).toBeVisible();
  await expect(member.getByRole("button", { name: "התחלת הפרוטוקול" })).toHaveCount(0);

  await confirmStep(page, "הפצה", "כל המושבים בשולחן העגול יוכלו לקרוא");
  await expect(page.getByText("בהפצה", { exact: true }).first()).toBeVisible();

  // --- The member comments on a paragraph (clicks it). ---
  await member.reload();
  await openTab(member, "פרוטוקול");
  await member.getByTestId("minutes-paragraph").nth(2).click();
  const comment = member.getByLabel("ההערה שלך על פסקה 3");
  await expect(comment).toBeFocused();
  await comment.fill("כדאי לציין את לוח הזמנים.");
  await member.getByRole("button", { name: "שליחת ההערה" }).click();
  await expect(member.getByText("ההערה נשלחה.")).toBeVisible();
  await expect(member.getByText("כדאי לציין את לוח הזמנים.")).toBeVisible();
  await expect(member.getByRole("button", { name: "אישור", exact: true })).toHaveCount(0);
  await member.context().close();

  // --- The host reads attendance (no taking it), sees the comment and approves. ---
  const host = await as(browser, "host");
  await host.goto(meetingUrl);
  await expect(host.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(host.getByRole("tab", { name: "שעון דוברים" })).toHaveCount(0);
  await expect(host.getByRole("tab", { name: "הערות תהליך" })).toHaveCount(0);
  await openTab(host, "הזמנות ונוכחות");
  await expect(host.getByRole("table", { name: "מי הגיע" })).toBeVisible();
  await expect(host.getByRole("button", { name: "שמירת הנוכחות" })).toHaveCount(0);
  await openTab(host, "פרוטוקול");
  await expect(host.getByText("כדאי לציין את לוח הזמנים.")).toBeVisible();
  await expect(host.getByText("פסקה 3", { exact: true })).toBeVisible();
  await confirmStep(host, "אישור", "ההערות ייסגרו");
  await expect(host.getByText("מאושר", { exact: true }).first()).toBeVisible();
  await host.context().close();

  // The facilitator sees the approval, and a process note stays private.
  await page.reload();
  await expect(page.getByText(/אושר /)).toBeVisible();
  await screenshot(page, "meeting-minutes-he");
  await expectAccessible(page, "meeting-minutes-he");
  // A correction after approval: a new draft revision, and the diff between the two.
  await page.getByRole("button", { name: "פתיחת תיקון" }).click();
  const correction = page.getByRole("dialog", { name: "פתיחת תיקון" });
  await correction.getByRole("textbox", { name: "סיבת התיקון" }).fill("הוספת לוח זמנים");
  await correction.getByRole("button", { name: "פתיחת התיקון" }).click();
  await expect(page.getByText("תיקון: הוספת לוח זמנים")).toBeVisible();
  const corrected = page.getByLabel(/נוסח הפרוטוקול/);
  await corrected.fill(
    "## פתיחה\n\nהמפגש נפתח בברכת המשרד המארח.\n\nהוחלט לקדם **תוכנית תעסוקה** משותפת עד סוף הרבעון.",
  );
  await page.getByRole("button", { name: "שמירת הטיוטה" }).click();
  await expect(page.getByText("נשמר.", { exact: true })).toBeVisible();
  const diff = page.getByTestId("diff");
  // The shared diff view names the table by a heading (and its caption) with the summary.
  await expect(
    page.getByRole("heading", { name: "גרסה 1 ← 2: נוספו 1 שורות, נמחקו 1" }),
  ).toBeVisible();
  await expect(diff.locator('[data-kind="added"]')).toContainText("עד סוף הרבעון");
  await expect(diff.locator('[data-kind="removed"]')).toContainText("שורה שנמחקה:");
  await screenshot(page, "meeting-minutes-diff-he");
  await expectAccessible(page, "meeting-minutes-diff-he");

  await openTab(page, "הערות תהליך");
  await page.getByLabel("הערה חדשה").fill("הדיון על התעסוקה היה ער; לשים לב לאיזון בין המגזרים.");
  await page.getByRole("button", { name: "הוספת הערה" }).click();
  await expect(page.getByText(/הדיון על התעסוקה היה ער/)).toBeVisible();
  await expectAccessible(page, "meeting-notes-he");
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});

test("an observer sees the meeting but none of the facilitator's tools", async ({ page }) => {
  await signIn(page, "observer");
  await page.getByRole("link", { name: PMO_HE }).first().click();
  await openTab(page, "מפגשים");
  await page.getByRole("link", { name: "מפגש השולחן הממשקי – אוקטובר 2026" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "מפגש השולחן הממשקי – אוקטובר 2026",
  );
  await settled(page);
  await expect(page.getByRole("tab")).toHaveText(["סדר יום", "הזמנות ונוכחות", "פרוטוקול"]);
  await expect(page.getByRole("button", { name: /הצעת נושא|הוספת נושא/ })).toHaveCount(0);
  await openTab(page, "הזמנות ונוכחות");
  await expect(page.getByRole("heading", { name: "נוכחות" })).toHaveCount(0);
  await openTab(page, "פרוטוקול");
  await expect(page.getByTestId("minutes-paragraph").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /הערה|אישור|הפצה/ })).toHaveCount(0);
});

test("in English: schedule with field errors, keyboard reorder, and the held meeting's pages", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await signIn(page, "facilitator");
  await page.getByRole("radiogroup", { name: "שפה" }).getByText("English").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page
    .getByRole("link", { name: /Prime Minister's Office/ })
    .first()
    .click();
  await openTab(page, "Meetings");

  // Schedule: an end before the start and a hybrid meeting without a venue are refused on the field.
  await page.getByRole("button", { name: "Schedule a meeting" }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule a meeting" });
  await dialog
    .getByRole("textbox", { name: "Title", exact: true })
    .fill(`English check ${Date.now()}`);
  await dialog.getByLabel("Starts").fill("2027-01-12T10:00");
  await dialog.getByLabel("Ends").fill("2027-01-12T09:00");
  await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(dialog.getByLabel("Ends")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("A meeting must end after it starts.")).toBeVisible();
  await dialog.getByLabel("Ends").fill("2027-01-12T12:00");
  await dialog
    .getByRole("textbox", { name: "Venue", exact: true })
    .fill("Prime Minister's Office, Jerusalem");
  await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /English check/ })).toBeVisible();
  // Shown in the meeting's zone: 10:00 Jerusalem time, whatever the browser's zone.
  await expect(page.getByText(/12 Jan 2027, 10:00/)).toBeVisible();

  for (const name of ["Opening", "Data sharing"]) {
    await page.getByRole("button", { name: "Add agenda item" }).click();
    await page.getByLabel("Item title").fill(name);
    await page.getByLabel("Planned minutes").fill("90");
    await page.getByRole("button", { name: "Add agenda item" }).last().click();
    await expect(page.getByTestId("agenda-item").filter({ hasText: name })).toBeVisible();
  }
  await expect(
    page.getByText("The agenda runs 60 minutes over the meeting's length."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Move “Data sharing” up" }).focus();
  await page.keyboard.press("Space");
  await expect.poll(() => agendaTitles(page)).toEqual(["Data sharing", "Opening"]);

  // Confirm, then cancel with a reason: the reason is shown and the agenda is closed.
  await page.getByRole("button", { name: "Confirm meeting" }).click();
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Cancel meeting" }).click();
  const cancel = page.getByRole("dialog", { name: "Cancel this meeting" });
  await cancel.getByRole("textbox", { name: "Reason", exact: true }).fill("The minister is abroad");
  await cancel.getByRole("button", { name: "Cancel the meeting" }).click();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("The minister is abroad")).toBeVisible();
  await expect(page.getByRole("button", { name: /Move|Add agenda item/ })).toHaveCount(0);

  // The demo's held October meeting: attendance, speaking turns and approved minutes.
  await page
    .getByRole("link", { name: /Prime Minister's Office/ })
    .first()
    .click();
  await openTab(page, "Meetings");
  await page.getByRole("link", { name: "מפגש השולחן הממשקי – אוקטובר 2026" }).click();
  await settled(page);
  await expect(page.getByText("…", { exact: true })).toHaveCount(0); // briefing-pack titles
  await screenshot(page, "meeting-agenda-en");
  await expectAccessible(page, "meeting-agenda-en");
  await openTab(page, "Speaking timer");
  await expect(page.getByTestId("sector-balance").first()).toBeVisible();
  await screenshot(page, "meeting-timer-en");
  await expectAccessible(page, "meeting-timer-en");
  await openTab(page, "Minutes");
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await screenshot(page, "meeting-minutes-en");
  await expectAccessible(page, "meeting-minutes-en");
  await openTab(page, "Invitations & attendance");
  await expectAccessible(page, "meeting-people-en");
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});
