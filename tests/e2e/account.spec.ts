import { createUser } from "../support/http-factories";
import { postForm } from "../support/http";
import { addSession, apiSignIn, expect, gotoHydrated, signedInRequest, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

test("a user changes their password: mistakes show beside their fields, other devices are signed out", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInRequest(playwright, baseURL!, "admin");
  const user = await createUser(admin, baseURL!, "viewer");
  const otherDevice = await signedInRequest(playwright, baseURL!, user);
  const changed = `${user.password}-changed`;
  try {
    await addSession(page.context(), baseURL!, user);
    await gotoHydrated(page, "/account");
    const form = page.getByRole("region", { name: "Password" });
    const current = form.getByLabel("Current password");
    const fresh = form.getByLabel("New password", { exact: true });
    const again = form.getByLabel("New password again");

    await current.fill("not-my-password");
    await fresh.fill(changed);
    await again.fill(changed);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(current).toHaveAccessibleDescription(/This is not your current password\./);
    await expect(current).toHaveAttribute("aria-invalid", "true");

    await current.fill(user.password);
    await fresh.fill(changed);
    await again.fill(`${changed}!`);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(again).toHaveAccessibleDescription(/The two new passwords differ\./);
    await expectNoAxeViolations(page);

    await current.fill(user.password);
    await fresh.fill(changed);
    await again.fill(changed);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("status")).toHaveText("Your password was changed. Every other device was signed out.");
    for (const field of [current, fresh, again]) await expect(field).toHaveValue("");

    // This browser stays signed in on a fresh session; the other device is out.
    expect((await page.request.get("/dashboard", { maxRedirects: 0 })).status()).toBe(200);
    const other = await otherDevice.get("/dashboard", { maxRedirects: 0 });
    expect(other.status()).toBe(302);
    expect(other.headers()["location"]).toMatch(/^\/login\?/);

    const old = await postForm(otherDevice, baseURL!, "/login", { email: user.email, password: user.password });
    expect(old.status()).toBe(401);
    await apiSignIn(otherDevice, baseURL!, user.email, changed);
  } finally {
    await admin.dispose();
    await otherDevice.dispose();
  }
});
