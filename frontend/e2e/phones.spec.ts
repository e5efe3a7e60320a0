import { expect, test, type Page } from "@playwright/test";
import { PMO_HE, screenshot, settled, signIn } from "./helpers";

// A 390×844 phone: no page may scroll sideways (tables become cards or scroll inside themselves,
// long words wrap).
test.use({ viewport: { width: 390, height: 844 } });

async function noSidewaysScroll(page: Page, name: string) {
  await settled(page);
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements reaching past either edge (in RTL the overflow is on the left).
    const outside = Array.from(document.body.querySelectorAll("*")).filter((el) => {
      const box = el.getBoundingClientRect();
      const hiddenNavbar = el.closest(".mantine-AppShell-navbar");
      return !hiddenNavbar && box.width > 0 && (box.right > width + 1 || box.left < -1);
    });
    const innermost = outside.filter((el) => !outside.some((o) => o !== el && el.contains(o)));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: width,
      culprits: innermost
        .slice(0, 5)
        .map(
          (el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.slice(0, 40)}"`,
        ),
    };
  });
  expect(scrollWidth, `${name} scrolls sideways: ${culprits.join(" | ")}`).toBeLessThanOrEqual(
    clientWidth,
  );
}

test("the main pages fit a phone's width", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/public");
  await noSidewaysScroll(page, "public");

  await signIn(page, "facilitator");
  await noSidewaysScroll(page, "home");
  await screenshot(page, "phone-home-he");

  for (const path of ["/roundtables", "/decisions", "/knowledge", "/action-items"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await noSidewaysScroll(page, path);
  }

  await page.goto("/roundtables");
  await page.getByRole("link", { name: PMO_HE }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noSidewaysScroll(page, "roundtable overview");
  for (const tab of ["מפגשים", "החלטות", "ידע"]) {
    await page.getByRole("tab", { name: tab, exact: true }).click();
    await noSidewaysScroll(page, `roundtable ${tab}`);
  }

  await page.getByRole("tab", { name: "מפגשים", exact: true }).click();
  await settled(page);
  await page.locator('a[href^="/meetings/"]').first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noSidewaysScroll(page, "meeting");
  await screenshot(page, "phone-meeting-he");

  await page.goto("/decisions");
  await settled(page);
  await page.locator('a[href^="/decisions/"]').first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await noSidewaysScroll(page, "decision");
});
