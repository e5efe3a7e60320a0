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

test("the web app and the API docs run with no inline script allowed", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });

  const app = await page.goto("/public");
  expect(app?.headers()["content-security-policy"]).toContain("script-src 'self';");
  await expect(page.getByRole("heading", { level: 1, name: "תצוגה ציבורית" })).toBeVisible();

  const docs = await page.goto("/api/docs");
  expect(docs?.headers()["content-security-policy"]).toContain("script-src 'self';");
  // Swagger UI drew the spec (a large one: it takes a while): its title and an operation of it.
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Shulchan API", {
    timeout: 60_000,
  });
  await expect(page.locator(".opblock-summary-path").first()).toBeVisible();
  expect(refused).toEqual([]); // nothing either page needs was refused

  // And the policy does refuse an injected inline script.
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
});
