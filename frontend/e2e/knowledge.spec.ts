import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expectAccessible, PMO_HE, screenshot, settled, signIn, watchConsole } from "./helpers";

const PDF = join(import.meta.dirname, "fixtures", "sample.pdf");

async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

test("search finds Hebrew words with their prefixes, with highlighted snippets (he)", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await signIn(page, "member");
  await page
    .getByRole("navigation", { name: "ניווט ראשי" })
    .getByRole("link", { name: "ידע" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "ידע" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const search = page.getByRole("search", { name: "חיפוש בספריית הידע" });
  await search.getByRole("searchbox", { name: "חיפוש" }).fill("חינוך");
  await search.getByRole("button", { name: "חיפוש" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("status").filter({ hasText: "תוצאות עבור „חינוך”" })).toBeVisible();

  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  // The word is found inside "ובחינוך" / "לחינוך" (prefix letters glued on); a mark covers the whole
  // word it found, prefix letters included, and every mark is a form of the word asked for.
  const prefixed = page.getByTestId("snippet").filter({ hasText: /(ו?ב|ל|ה)חינוך/ });
  await expect(prefixed.first()).toBeVisible();
  const marks = page.getByTestId("snippet").locator("mark");
  await expect(marks.first()).toHaveText(/חינו[ךכ]/);
  for (const text of await marks.allTextContents()) expect(text).toMatch(/^[ובלהמשכ]*חינו[ךכ]/);
  // A knowledge item among them, whose page opens from the hit.
  const knowledgeHit = hits.filter({ hasText: "פריט ידע" }).first();
  await expect(knowledgeHit).toBeVisible();
  await settled(page);
  await expectAccessible(page, "knowledge-search-he");
  await screenshot(page, "knowledge-search-he");

  // Filters: only English items → the Hebrew word is not there.
  await page.getByRole("button", { name: "סינון" }).click();
  await pick(page, "שפה", "אנגלית");
  await expect(page.getByText("לא נמצא דבר עבור „חינוך”.")).toBeVisible();

  // Without a query: the browse list.
  await page.goto("/knowledge");
  await expect(page.getByRole("main").getByRole("listitem").first()).toBeVisible();
  // The member may add, but is not offered "facilitators only".
  await page.getByRole("link", { name: "פריט ידע חדש" }).click();
  await page.getByRole("combobox", { name: "מי רואה" }).click();
  await expect(page.getByRole("option", { name: "חברי השולחן" })).toBeVisible();
  await expect(page.getByRole("option", { name: "מנחים בלבד" })).toHaveCount(0);
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});

test("a knowledge item: create, edit, revisions and diff, attachments (he)", async ({ page }) => {
  const problems = watchConsole(page);
  const title = `מסמך רקע על חינוך בפריפריה ${Date.now()}`;
  await signIn(page, "facilitator");
  await page.goto("/knowledge");
  await page.getByRole("link", { name: "פריט ידע חדש" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "פריט ידע חדש" })).toBeVisible();
  const form = page.getByTestId("knowledge-form");
  await pick(page, "שולחן", PMO_HE);
  await pick(page, "סוג", "מסמך רקע");
  await form.getByRole("textbox", { name: "כותרת" }).fill(title);
  await form.getByRole("textbox", { name: "תקציר" }).fill("סקירה קצרה לדיון.");
  await form
    .getByRole("textbox", { name: "תוכן" })
    .fill("## רקע\n\nשורה ראשונה.\nשורה שנייה.\n\n## המלצות\n\n- לחזק שיתופי פעולה");
  await form.getByRole("tab", { name: "תצוגה מקדימה" }).click();
  await expect(
    page.getByTestId("body-preview").getByRole("heading", { name: "המלצות" }),
  ).toBeVisible();
  await form.getByRole("tab", { name: "כתיבה" }).click();
  const tags = form.getByRole("combobox", { name: "תגיות" });
  await tags.fill("חינוך");
  await tags.press("Enter");
  // A facilitator is offered "facilitators only".
  await page.getByRole("combobox", { name: "מי רואה" }).click();
  await expect(page.getByRole("option", { name: "מנחים בלבד" })).toBeVisible();
  await page.getByRole("option", { name: "חברי השולחן" }).click();
  await form.getByRole("button", { name: "שמירה" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "המלצות" })).toBeVisible();
  const revisions = page.getByTestId("revisions");
  await expect(revisions.getByText("יש רק גרסה אחת")).toBeVisible();

  // Edit: a new revision, and the diff between the two.
  await page.getByRole("link", { name: "עריכה" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "עריכת פריט ידע" })).toBeVisible();
  await page
    .getByTestId("knowledge-form")
    .getByRole("textbox", { name: "תוכן" })
    .fill(
      "## רקע\n\nשורה ראשונה.\nשורה שנייה, מתוקנת.\n\n## המלצות\n\n- לחזק שיתופי פעולה\n- למדוד",
    );
  await page.getByTestId("knowledge-form").getByRole("button", { name: "שמירה" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("markdown").getByText("למדוד", { exact: true })).toBeVisible();
  await expect(revisions.getByTestId("revisions-table").getByRole("row")).toHaveCount(3);
  const diff = revisions.getByTestId("diff-view");
  await expect(diff).toBeVisible();
  await expect(diff.locator("ins", { hasText: "שורה שנייה, מתוקנת." })).toBeVisible();
  await expect(diff.locator("del", { hasText: "שורה שנייה." })).toBeVisible();
  await expect(diff.locator("ins", { hasText: "- למדוד" })).toBeVisible();

  // Attachments: a file that is not accepted shows the API's reason; a PDF goes up and comes back.
  const attachments = page.getByTestId("attachments");
  const input = attachments.locator('input[type="file"]');
  await input.setInputFiles({
    name: "program.bin",
    mimeType: "application/octet-stream",
    buffer: Buffer.from([0, 1, 2, 3, 0, 255, 0]),
  });
  await attachments.getByRole("button", { name: "העלאה", exact: true }).click();
  // The problem (unsupported_file_type) is named in the UI language, not in the API's English.
  await expect(attachments.getByRole("alert")).toContainText("לא ניתן לצרף קובץ מסוג זה");
  await input.setInputFiles(PDF);
  await attachments.getByRole("button", { name: "העלאה", exact: true }).click();
  await expect(attachments.getByRole("status")).toHaveText("הקובץ sample.pdf הועלה.");
  const row = attachments.getByTestId("attachment").filter({ hasText: "sample.pdf" });
  await expect(row).toContainText("application/pdf");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: "הורדת sample.pdf" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("sample.pdf");
  const saved = await download.path();
  expect(readFileSync(saved).equals(readFileSync(PDF))).toBe(true);

  await settled(page);
  await expectAccessible(page, "knowledge-item-he");
  await page.evaluate(() => window.scrollTo(0, 0)); // the header is fixed: shoot from the top
  await screenshot(page, "knowledge-item-he");
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});
