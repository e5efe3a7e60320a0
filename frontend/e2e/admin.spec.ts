import { expect, test } from "@playwright/test";
import { expectAccessible, screenshot, settled, signIn } from "./helpers";

test("admin creates a user; the tabs follow platform permissions (he)", async ({ page }) => {
  const email = `new.user.${Date.now()}@example.org`;
  await signIn(page, "admin");
  await page
    .getByRole("navigation", { name: "ניווט ראשי" })
    .getByRole("link", { name: "ניהול" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "ניהול" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  for (const tab of ["משתמשים", "מגזרים", "ארגונים", "בעלי עניין", "יומן ביקורת"])
    await expect(page.getByRole("tab", { name: tab })).toBeVisible();
  await settled(page);
  await expect(page.getByTestId("users-table")).toBeVisible();
  await expectAccessible(page, "admin-users-he");
  await screenshot(page, "admin-users-he");

  await page.getByRole("button", { name: "משתמש חדש" }).click();
  const dialog = page.getByRole("dialog", { name: "משתמש חדש" });
  await dialog.getByRole("textbox", { name: "דוא״ל" }).fill(email);
  await dialog.getByRole("textbox", { name: "שם מלא" }).fill("דנה לוי");
  await dialog.getByLabel("סיסמה ראשונית").fill("short");
  await expect(dialog.getByText("לפחות 12 תווים")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "יצירת המשתמש" })).toBeDisabled();
  await dialog.getByLabel("סיסמה ראשונית").fill("a-long-enough-password");
  await dialog.getByRole("button", { name: "יצירת המשתמש" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("searchbox", { name: "חיפוש" }).fill(email);
  const row = page.getByTestId("users-table").getByRole("row").filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByText("פעיל")).toBeVisible();
  // Deactivate, and activate again.
  await row.getByRole("button", { name: "השבתת דנה לוי" }).click();
  await expect(row.getByText("מושבת")).toBeVisible();
  await row.getByRole("button", { name: "הפעלת דנה לוי" }).click();
  await expect(row.getByText("פעיל", { exact: true })).toBeVisible();

  await page.getByRole("tab", { name: "מגזרים" }).click();
  await expect(page.getByTestId("sectors-table").getByText("#43a047")).toBeVisible();
  await page.getByRole("tab", { name: "יומן ביקורת" }).click();
  await expect(page.getByTestId("platform-audit").getByRole("row").nth(1)).toBeVisible();
  await settled(page);
  await expectAccessible(page, "admin-audit-he");
});

test("a facilitator sees only the tabs of their platform permissions", async ({ page }) => {
  await signIn(page, "facilitator");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "ניהול" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "ארגונים" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "בעלי עניין" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "משתמשים" })).toHaveCount(0);
  await expect(page.getByRole("tab", { name: "יומן ביקורת" })).toHaveCount(0);
});

test("a member has no Admin in the navigation and is sent home from /admin", async ({ page }) => {
  await signIn(page, "member");
  const nav = page.getByRole("navigation", { name: "ניווט ראשי" });
  await expect(nav.getByRole("link", { name: "החלטות" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "ניהול" })).toHaveCount(0);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "דף הבית" })).toBeVisible();
});
