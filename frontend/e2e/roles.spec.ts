import { expect, test } from "@playwright/test";
import { EDUCATION_EN, EDUCATION_HE, PMO_HE, ROLES, settled, signIn } from "./helpers";

for (const role of ROLES) {
  test(`${role} signs in and sees the home page`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("heading", { level: 1, name: "דף הבית" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "השולחנות שלי" })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: "המפגשים הקרובים שלי" }),
    ).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 2, name: "המשימות הפתוחות שלי" }),
    ).toBeVisible();
    await settled(page);
    // Every section got its data: no error on the page.
    await expect(page.getByRole("alert")).toHaveCount(0);
    if (role !== "admin") {
      await expect(page.getByRole("link", { name: PMO_HE }).first()).toBeVisible();
    }
    // Admin appears in the navigation only with platform permissions (admin; facilitator and host
    // hold some, e.g. stakeholders:manage).
    const nav = page.getByRole("navigation", { name: "ניווט ראשי" });
    await expect(nav.getByRole("link", { name: "ניהול" })).toHaveCount(
      role === "member" || role === "observer" ? 0 : 1,
    );

    // Sign out from the user menu.
    await page.getByRole("button", { name: /תפריט החשבון/ }).click();
    await page.getByRole("menuitem", { name: "יציאה" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
}

test("member sees the upcoming meeting with their RSVP and their action items", async ({
  page,
}) => {
  await signIn(page, "member");
  await settled(page);
  const meetings = page.getByRole("region", { name: "המפגשים הקרובים שלי" });
  await expect(meetings.getByRole("row")).not.toHaveCount(0);
  await expect(
    meetings.getByText("טרם השבת").or(meetings.getByText("מגיע/ה")).first(),
  ).toBeVisible();
  const actions = page.getByRole("region", { name: "המשימות הפתוחות שלי" });
  await expect(actions.getByText("באיחור").first()).toBeVisible();
});

test("member does not see the internal Education roundtable", async ({ page }) => {
  await signIn(page, "member");
  await page
    .getByRole("navigation", { name: "ניווט ראשי" })
    .getByRole("link", { name: "שולחנות עגולים" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "שולחנות עגולים" })).toBeVisible();
  await expect(page.getByRole("link", { name: PMO_HE })).toBeVisible();
  await expect(page.getByText(EDUCATION_HE)).toHaveCount(0);
  await expect(page.getByText(EDUCATION_EN)).toHaveCount(0);
});

test("facilitator2 does see the Education roundtable, with the audit tab", async ({ page }) => {
  await signIn(page, "facilitator2");
  await page.goto("/roundtables?q=" + encodeURIComponent("החינוך"));
  await page.getByRole("link", { name: EDUCATION_HE }).click();
  await expect(page.getByRole("heading", { level: 1, name: EDUCATION_HE })).toBeVisible();
  await expect(page.getByRole("tab", { name: "יומן ביקורת" })).toBeVisible();
});

test("observer has no audit tab; tabs list meetings, decisions and knowledge", async ({ page }) => {
  await signIn(page, "observer");
  await page.getByRole("link", { name: PMO_HE }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: PMO_HE })).toBeVisible();
  await expect(page.getByRole("tab", { name: "יומן ביקורת" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: /מושבים נוכחיים/ })).toBeVisible();
  await page.getByRole("tab", { name: "מפגשים" }).click();
  await expect(page.getByRole("tabpanel").getByRole("row").nth(1)).toBeVisible();
  await page.getByRole("tab", { name: "החלטות" }).click();
  await expect(page.getByRole("tabpanel").getByRole("listitem").first()).toBeVisible();
  await page.getByRole("tab", { name: "ידע" }).click();
  await expect(page.getByRole("tabpanel").getByRole("listitem").first()).toBeVisible();
});
