import { expect, test, type Page } from "@playwright/test";
import {
  expectAccessible,
  PMO_EN,
  PMO_HE,
  resetLanguage,
  screenshot,
  settled,
  signIn,
  watchConsole,
} from "./helpers";

// The English half switches the facilitator's profile language: put it back whatever happens.
test.afterEach(async ({ request }) => {
  await resetLanguage(request, "facilitator");
});

async function useEnglish(page: Page) {
  await page.getByRole("radiogroup", { name: "שפה" }).getByText("English").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
}

test("sign-in page: accessible, he and en", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page, "sign-in-he");
  await screenshot(page, "sign-in-he");
  await useEnglish(page);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectAccessible(page, "sign-in-en");
  await screenshot(page, "sign-in-en");
});

test("home and roundtable pages: accessible, he and en", async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, "facilitator");
  await settled(page);
  await expectAccessible(page, "home-he");
  await screenshot(page, "home-he");

  await page.getByRole("link", { name: PMO_HE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: PMO_HE })).toBeVisible();
  await settled(page);
  await expectAccessible(page, "roundtable-he");
  await screenshot(page, "roundtable-he");

  await page.getByRole("tab", { name: "מפגשים" }).click();
  await settled(page);
  await expectAccessible(page, "roundtable-meetings-he");

  await page.getByRole("radiogroup", { name: "שפה" }).getByText("English").click();
  await expect(page.getByRole("heading", { level: 1, name: PMO_EN })).toBeVisible();
  await page.getByRole("tab", { name: "Overview" }).click();
  await settled(page);
  await expectAccessible(page, "roundtable-en");
  await screenshot(page, "roundtable-en");

  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Home" })
    .click();
  await settled(page);
  await expectAccessible(page, "home-en");
  await screenshot(page, "home-en");
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});

test("public pages: accessible, he and en", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/public");
  await expect(page.getByRole("link", { name: PMO_HE })).toBeVisible();
  await expectAccessible(page, "public-he");
  await screenshot(page, "public-he");
  await page.getByRole("link", { name: PMO_HE }).click();
  await expect(page.getByRole("heading", { level: 1, name: PMO_HE })).toBeVisible();
  await settled(page);
  await expectAccessible(page, "public-roundtable-he");
  await screenshot(page, "public-roundtable-he");
  await useEnglish(page);
  await expect(page.getByRole("heading", { level: 1, name: PMO_EN })).toBeVisible();
  await settled(page);
  await expectAccessible(page, "public-roundtable-en");
  await screenshot(page, "public-roundtable-en");
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});

test("keyboard: skip link and navigation are reachable with Tab", async ({ page }) => {
  await signIn(page, "member");
  await page.reload(); // a fresh page: focus starts at the document
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "דילוג לתוכן הראשי" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // Onwards: the header's controls, then the navigation links, each with a visible focus ring.
  await page
    .getByRole("navigation", { name: "ניווט ראשי" })
    .getByRole("link", { name: "שולחנות עגולים" })
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "שולחנות עגולים" })).toBeVisible();
});
