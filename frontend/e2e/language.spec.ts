import { expect, test } from "@playwright/test";
import { resetLanguage, settled, signIn } from "./helpers";

test.afterEach(async ({ request }) => {
  await resetLanguage(request, "observer");
});

test("language switch flips dir and texts, is saved on the profile and survives a reload", async ({
  page,
}) => {
  await signIn(page, "observer");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "he");

  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/me") && r.request().method() === "PATCH" && r.ok(),
  );
  await page.getByRole("radiogroup", { name: "שפה" }).getByText("English").click();
  await saved;
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();

  // After a reload, and even with this browser's memory of it gone, the profile brings English back.
  await page.evaluate(() => localStorage.removeItem("shulchan.language"));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await settled(page);

  // And back to Hebrew (leaves the demo user as it was).
  const back = page.waitForResponse(
    (r) => r.url().endsWith("/api/v1/me") && r.request().method() === "PATCH" && r.ok(),
  );
  await page.getByRole("radiogroup", { name: "Language" }).getByText("עברית").click();
  await back;
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "דף הבית" })).toBeVisible();
});
