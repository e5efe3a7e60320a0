import { expect, test, type Page } from "@playwright/test";
import {
  expectAccessible,
  resetLanguage,
  screenshot,
  settled,
  signIn,
  watchConsole,
} from "./helpers";

// The shorter English pass over the decisions, knowledge and admin screens (the Hebrew pass is in
// decisions/knowledge/admin.spec.ts): LTR, English labels, axe, screenshots.

test.afterEach(async ({ request }) => {
  await resetLanguage(request, "facilitator");
  await resetLanguage(request, "admin");
});

async function useEnglish(page: Page) {
  await page.getByRole("radiogroup", { name: "שפה" }).getByText("English").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

test("decisions and knowledge in English", async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, "facilitator");
  await useEnglish(page);
  const nav = page.getByRole("navigation", { name: "Main navigation" });

  await nav.getByRole("link", { name: "Decisions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decisions" })).toBeVisible();
  await settled(page);
  await expect(page.getByRole("region", { name: "Adopted by government" })).toBeVisible();
  await expectAccessible(page, "decisions-board-en");
  await screenshot(page, "decisions-board-en");

  await page.getByRole("region", { name: "In discussion" }).getByRole("link").first().click();
  await expect(page.getByTestId("decision-status")).toHaveText("In discussion");
  await expect(page.getByRole("heading", { name: "Where the sectors stand" })).toBeVisible();
  await expect(
    page.getByTestId("endorsement-matrix").getByRole("columnheader", { name: "Supports" }),
  ).toBeVisible();
  await expect(
    page.getByTestId("decision-transitions").getByRole("button", { name: "Mark agreed" }),
  ).toBeVisible();
  await settled(page);
  await expectAccessible(page, "decision-page-en");
  await screenshot(page, "decision-page-en");

  await nav.getByRole("link", { name: "Knowledge" }).click();
  const search = page.getByRole("search", { name: "Search the knowledge library" });
  await search.getByRole("searchbox", { name: "Search" }).fill("civil society");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("search-hit").first()).toBeVisible();
  await expect(page.getByTestId("snippet").locator("mark").first()).toBeVisible();
  await settled(page);
  await expectAccessible(page, "knowledge-search-en");
  await screenshot(page, "knowledge-search-en");

  await page
    .getByTestId("search-hit")
    .filter({ hasText: "Knowledge item" })
    .first()
    .getByRole("link")
    .click();
  await expect(page.getByRole("heading", { name: "Revisions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Attachments" })).toBeVisible();
  await settled(page);
  await expectAccessible(page, "knowledge-item-en");
  await screenshot(page, "knowledge-item-en");
  expect(problems, "no script errors or CSP refusals").toEqual([]);
});

test("admin in English", async ({ page }) => {
  await signIn(page, "admin");
  await useEnglish(page);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Admin" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await settled(page);
  await expect(page.getByTestId("users-table")).toBeVisible();
  await expectAccessible(page, "admin-users-en");
  await screenshot(page, "admin-users-en");
  await page.getByRole("tab", { name: "Organisations" }).click();
  await settled(page);
  await expect(page.getByTestId("organisations-table")).toBeVisible();
  await expectAccessible(page, "admin-organisations-en");
  await page.getByRole("tab", { name: "Stakeholders" }).click();
  await settled(page);
  await expect(page.getByTestId("stakeholders-table")).toBeVisible();
  await expectAccessible(page, "admin-stakeholders-en");
  await screenshot(page, "admin-stakeholders-en");
});
