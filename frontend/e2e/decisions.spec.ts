import { expect, test, type Page } from "@playwright/test";
import {
  expectAccessible,
  PMO_HE,
  screenshot,
  settled,
  endorse,
  move,
  sectorRow,
  signIn,
  switchTo,
  watchConsole,
} from "./helpers";

// One decision's whole life through the UI, Hebrew first: proposed by the facilitator, discussed,
// agreed, endorsed by a civil-society member and the government host, adopted by the host, and
// then visible to the public. Each role sees only what it may do.

const TITLE = `הסכמה על מדדי הצלחה משותפים ${Date.now()}`;

async function openPmo(page: Page) {
  await page
    .getByRole("navigation", { name: "ניווט ראשי" })
    .getByRole("link", { name: "שולחנות עגולים" })
    .click();
  await page.getByRole("link", { name: PMO_HE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: PMO_HE })).toBeVisible();
}

test("a decision from proposal to adoption, by role (he)", async ({ page }) => {
  const problems = watchConsole(page);

  // Facilitator: propose on the PMO roundtable's board, then steer to discussion and agreement.
  await signIn(page, "facilitator");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await openPmo(page);
  await page.getByRole("tab", { name: "החלטות" }).click();
  await expect(page.getByTestId("decision-board")).toBeVisible();
  await settled(page);
  await page.getByRole("button", { name: "הצעת החלטה" }).click();
  const form = page.getByRole("dialog", { name: "הצעת החלטה" });
  await form.getByLabel("כותרת").fill(TITLE);
  await form
    .getByRole("textbox", { name: "נוסח" })
    .fill("## רקע\n\nהשולחן מסכים על **מסגרת מדדים** משותפת.\n\n- מדד ראשון\n- מדד שני");
  await form.getByRole("tab", { name: "תצוגה מקדימה" }).click();
  await expect(form.getByRole("heading", { name: "רקע" })).toBeVisible();
  await form.getByRole("button", { name: "הגשת ההצעה" }).click();

  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page).toHaveURL(/\/decisions\/[0-9a-f-]+$/);
  const decisionUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("decision-status")).toHaveText("הוצעה");
  await expect(page.getByRole("heading", { name: "רקע" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "מסגרת מדדים" })).toBeVisible();
  // The facilitator steers but never adopts: that is the government's act.
  const moves = page.getByTestId("decision-transitions");
  await expect(moves.getByRole("button", { name: "סימון כאומצה על ידי הממשלה" })).toHaveCount(0);
  await move(page, "העברה לדיון", "בדיון");
  await move(page, "סימון כמוסכמת", "הוסכמה");
  await expect(moves.getByRole("button", { name: "סימון כאומצה על ידי הממשלה" })).toHaveCount(0);

  // Member (civil society): endorses for their own seat; no status moves at all.
  await switchTo(page, "member");
  await page.goto(decisionUrl);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId("decision-transitions")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "סימון כאומצה על ידי הממשלה" })).toHaveCount(0);
  await endorse(page, "תומך/ת", "החברה האזרחית תומכת במסגרת.");
  await expect(sectorRow(page, "החברה האזרחית").locator('[data-count="supports"]')).toHaveText("1");
  await expect(
    page.getByTestId("seat-position").filter({ hasText: "החברה האזרחית תומכת במסגרת." }),
  ).toBeVisible();

  // Observer: reads the decision, has no endorsement control and no moves.
  await switchTo(page, "observer");
  await page.goto(decisionUrl);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId("endorsement-matrix")).toBeVisible();
  await expect(page.getByTestId("my-endorsement")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "העמדה שלי" })).toHaveCount(0);
  await expect(page.getByTestId("decision-transitions")).toHaveCount(0);

  // Host (government): endorses, then adopts with the government's reference.
  await switchTo(page, "host");
  await page.goto(decisionUrl);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await endorse(page, "תומך/ת", "המשרד תומך.");
  await expect(sectorRow(page, "ממשלה").locator('[data-count="supports"]')).toHaveText("1");
  await page
    .getByTestId("decision-transitions")
    .getByRole("button", { name: "סימון כאומצה על ידי הממשלה" })
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "אישור" })).toBeDisabled();
  await dialog.getByLabel("אסמכתת האימוץ").fill("החלטת ממשלה 4321");
  await dialog.getByRole("button", { name: "אישור" }).click();
  await expect(page.getByTestId("decision-status")).toHaveText("אומצה בממשלה");
  await expect(page.getByText("החלטת ממשלה 4321")).toBeVisible();
  // Adopted: positions are closed; the history tells the whole path.
  await expect(page.getByTestId("my-endorsement")).toContainText("אינה פתוחה עוד");
  const history = page.getByTestId("decision-history");
  for (const status of ["הוצעה", "בדיון", "הוסכמה", "אומצה בממשלה"])
    await expect(history.getByText(status, { exact: true })).toBeVisible();
  await expect(history.locator(".mantine-Timeline-item")).toHaveCount(4);
  await settled(page);
  await expectAccessible(page, "decision-page-he");
  await screenshot(page, "decision-page-he");

  // The board shows it among the adopted.
  await page.goto("/decisions");
  await settled(page);
  const adopted = page.getByRole("region", { name: /אומצה בממשלה/ });
  await expect(adopted.getByRole("link", { name: TITLE })).toBeVisible();
  await expectAccessible(page, "decisions-board-he");
  await screenshot(page, "decisions-board-he");

  // The public: sign out, find it on the PMO roundtable's public page, open it.
  await page.getByRole("button", { name: /תפריט החשבון/ }).click();
  await page.getByRole("menuitem", { name: "יציאה" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/public");
  await page.getByRole("link", { name: PMO_HE }).click();
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(/\/public\/decisions\//);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId("decision-status")).toHaveText("אומצה בממשלה");
  await expect(page.getByTestId("my-endorsement")).toHaveCount(0);
  await expect(page.getByTestId("decision-transitions")).toHaveCount(0);
  await settled(page);
  await expectAccessible(page, "public-decision-he");
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});

test("an action item on a decision: created by the facilitator, moved by its owner", async ({
  page,
}) => {
  const task = `לנסח מסמך יישום ${Date.now()}`;
  await signIn(page, "facilitator");
  await page.goto("/decisions");
  await settled(page);
  await page
    .getByRole("region", { name: /^בדיון/ })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const decisionUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "הוספת משימה" }).click();
  const create = page.getByTestId("create-action-item");
  await create.getByLabel("המשימה").fill(task);
  await create.getByRole("combobox", { name: "באחריות" }).click();
  await page.getByRole("option", { name: /^תמר אלקיים/ }).click();
  await create.getByLabel("תאריך יעד").fill("2020-01-31");
  await create.getByRole("button", { name: "יצירת המשימה" }).click();
  const row = page.getByTestId("action-item").filter({ hasText: task });
  await expect(row).toBeVisible();
  await expect(row.getByText("באיחור")).toBeVisible();

  // The owner (member) sees it among their own and sets it in progress, then done.
  await switchTo(page, "member");
  await page
    .getByRole("navigation", { name: "ניווט ראשי" })
    .getByRole("link", { name: "המשימות שלי" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "המשימות שלי" })).toBeVisible();
  const mine = page.getByTestId("action-item").filter({ hasText: task });
  await expect(mine).toBeVisible();
  await mine.getByRole("combobox", { name: /הסטטוס של/ }).click();
  await page.getByRole("option", { name: "בביצוע" }).click();
  await expect(mine.getByRole("combobox", { name: /הסטטוס של/ })).toHaveValue("בביצוע");
  await page.getByRole("radiogroup", { name: "אילו משימות" }).getByText("באיחור").click();
  await expect(page.getByTestId("action-item").filter({ hasText: task })).toBeVisible();
  await page.goto(decisionUrl);
  await expect(page.getByTestId("action-item").filter({ hasText: task })).toBeVisible();
  // A member may not add action items.
  await expect(page.getByRole("button", { name: "הוספת משימה" })).toHaveCount(0);
});
