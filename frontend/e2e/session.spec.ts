import { expect, test } from "@playwright/test";
import { settled, signIn } from "./helpers";

test("wrong password shows the API's message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.locator('input[name="username"]').fill("host@demo.shulchan.org");
  await page.locator('input[name="password"]').fill("not-the-password");
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a reload keeps the session (refresh token), the access token stays in memory", async ({
  page,
}) => {
  await signIn(page, "host");
  const stored = await page.evaluate(() => ({ ...localStorage }));
  expect(Object.keys(stored)).toContain("shulchan.refresh_token");
  expect(JSON.stringify(stored)).not.toMatch(/eyJ/); // no JWT in storage
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "דף הבית" })).toBeVisible();
  await settled(page);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a reused refresh token ends the session and the sign-in page says why", async ({ page }) => {
  await signIn(page, "host");
  const token = await page.evaluate(() => localStorage.getItem("shulchan.refresh_token"));
  expect(token).toBeTruthy();
  // Someone else uses the stored refresh token first (as a thief would)...
  const stolen = await page.request.post("/api/v1/auth/refresh", {
    data: { refresh_token: token },
  });
  expect(stolen.ok()).toBeTruthy();
  // ...so when the app presents it after a reload, the server sees reuse and revokes the session.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("status").filter({ hasText: "מטעמי אבטחה" })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("shulchan.refresh_token"))).toBeNull();
});
