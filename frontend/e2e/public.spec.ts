import { expect, test } from "@playwright/test";
import { EDUCATION_HE, PMO_HE } from "./helpers";

test("anonymous public view shows the PMO roundtable composition", async ({ page }) => {
  await page.goto("/public");
  await expect(page.getByRole("heading", { level: 1, name: "תצוגה ציבורית" })).toBeVisible();
  await expect(page.getByText(EDUCATION_HE)).toHaveCount(0); // internal
  await page.getByRole("link", { name: PMO_HE }).click();
  await expect(page.getByRole("heading", { level: 1, name: PMO_HE })).toBeVisible();

  const table = page.getByRole("table", { name: /מושבים נוכחיים/ });
  await expect(table).toBeVisible();
  for (const sector of ["ממשלה", "המגזר העסקי-פילנתרופי", "החברה האזרחית"]) {
    await expect(table.getByRole("rowheader", { name: sector })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /מושבים לפי מגזר/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "החלטות שאומצו" })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "סיכומי מפגשים שפורסמו" }),
  ).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  // Nobody is signed in.
  await expect(page.getByRole("link", { name: "כניסה" }).first()).toBeVisible();
});
