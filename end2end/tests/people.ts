import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { createAdmin, linkToken } from "./outbox";

export const password = "violet-kettle-orbit-42";

/** An admin appoints a new lead of `slug`, who accepts the invitation: the
 * page's browser context ends up signed in as that lead. */
export async function signInAsNewLead(page: Page, slug: string, stamp: string) {
  const adminEmail = `admin-${stamp}@example.org`;
  const leadEmail = `lead-${stamp}@example.org`;
  createAdmin(adminEmail, "Site Admin", password);
  const api = page.request;
  const ok = async (path: string, form: Record<string, string>) => {
    const response = await api.post(path, { form });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  };
  await ok("/api/sign_in", { "form[email]": adminEmail, "form[password]": password });
  await ok("/api/appoint_lead", {
    "form[slug]": slug,
    "form[display_name]": `Lead ${stamp}`,
    "form[email]": leadEmail,
    "form[github_handle]": "",
    "form[role]": "chair",
  });
  await ok("/api/sign_out", {});
  const token = linkToken(leadEmail, "/account/invitation");
  await ok("/api/accept_invitation", { "form[token]": token, "form[password]": password });
}
