import { request, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { test, expect, waitForHydration } from "./fixtures";
import { createAdmin, linkToken } from "./outbox";
import { password, signInAsNewLead } from "./people";

// Every form of the site, in a real browser with JavaScript and without:
// a submit the server refuses comes back with every value, tick and choice
// as typed, and the keyboard focus on the error summary. Passwords are the
// one exception, by design: they come back empty.
//
// FORMS must grow with every new form. The integration test `refused_forms`
// (server/tests/integration/refused_forms.rs) finds the site's text forms by
// crawling; this list is what a browser checks, so a form missing from it is
// a form nobody has tried in a browser yet.
//
// Shared server, two projects at once: every test types its own stamp, and
// only refused submits go through, so no form here changes the demo data.
// The groups below are ones no other spec relies on.
const LEAD_SIG = "multicluster"; // SIG page, roadmap and meeting forms
const DECISION_SIG = "microservice"; // switched to lead approval for the members queue
const ADMIN_SIG = "appstore"; // admin page of a group; invitations to lead it

/** A field by its label: a string is the whole label text, a regex any part. */
type Label = string | RegExp;
/** What was typed, label → value; `true`/`false` is a tick. */
type Typed = Array<[Label, string | boolean]>;

interface Form {
  /** As the issue names it. */
  name: string;
  /** The page the form is on. */
  path: string;
  /** Signs in as needed, sets up what the form needs and opens its page. */
  open(page: Page, info: TestInfo, stamp: string): Promise<void>;
  /** Fills the form, one value invalid among valid ones; returns what was typed. */
  fill(page: Page, stamp: string): Promise<Typed>;
  /** The exact name of the submit button. */
  submit: string | ((stamp: string) => string);
  /** Password fields, label → value: typed, and empty after the refusal. */
  passwords?: Record<string, string>;
  /** Checks of this form's own. */
  more?(page: Page, stamp: string): Promise<void>;
  /** The address a refusal lands on; by default the signed error report. */
  refusedUrl?: RegExp;
}

const FORMS: Form[] = [
  // Accounts.
  {
    name: "sign-up",
    path: "/account/sign-up",
    open: (page, info) => go(page, info, "/account/sign-up"),
    fill: (page) =>
      enter(page, [
        ["Your name", "张伟 Zhang Wei"],
        ["E-mail address", "not-an-address"], // refused
        ["GitHub handle (optional)", "zhangwei"],
      ]),
    passwords: { Password: password },
    submit: "Create account",
  },
  {
    name: "sign-in",
    path: "/account/sign-in",
    open: (page, info) => go(page, info, "/account/sign-in"),
    // Refused: no account has this address and password.
    fill: (page, stamp) => enter(page, [["E-mail address", `nobody-${stamp}@example.org`]]),
    passwords: { Password: "not-the-password-1" },
    submit: "Sign in",
  },
  {
    name: "forgot password",
    path: "/account/forgot-password",
    open: (page, info) => go(page, info, "/account/forgot-password"),
    fill: (page) => enter(page, [["E-mail address", "not-an-address"]]), // refused
    submit: "Send the link",
  },
  {
    name: "reset password",
    path: "/account/reset-password?token=…",
    open: async (page, info, stamp) => {
      const email = `forgetful-${stamp}@example.org`;
      createAdmin(email, "Forgetful Person", password);
      await ok(page.request, "/api/forgot_password", { email });
      await go(page, info, `/account/reset-password?token=${linkToken(email, "/account/reset-password")}`);
    },
    fill: (page) => enter(page, []),
    passwords: { "New password": "short" }, // refused: under 8 characters
    submit: "Save the new password",
    more: (page) => expectLinkTokenKept(page),
  },
  {
    name: "invitation",
    path: "/account/invitation?token=…",
    open: async (page, info, stamp) => {
      await signInAsAdmin(page, stamp);
      const invitee = `invitee-${stamp}@example.org`;
      await ok(page.request, "/api/appoint_lead", {
        "form[slug]": ADMIN_SIG,
        "form[display_name]": `Invitee ${stamp}`,
        "form[email]": invitee,
        "form[github_handle]": "",
        "form[role]": "tech_lead",
      });
      await ok(page.request, "/api/sign_out", {});
      await go(page, info, `/account/invitation?token=${linkToken(invitee, "/account/invitation")}`);
    },
    fill: (page) => enter(page, []),
    passwords: { Password: "short" }, // refused: under 8 characters
    submit: "Accept the invitation",
    more: (page) => expectLinkTokenKept(page),
  },

  // Joining, and the leads' answer.
  {
    name: "join",
    path: "/join?sig=…",
    open: (page, info) => go(page, info, `/join?sig=${LEAD_SIG}`),
    fill: (page) =>
      enter(page, [
        [/^Multi-cluster/, true], // ticked by ?sig=, kept ticked
        [/^Microservice management/, true],
        [/^Network/, false],
        ["Your name", "张伟 Zhang Wei"],
        ["E-mail address", "not-an-address"], // refused
        ["GitHub handle (optional)", "zhangwei"],
        ["What would you like to work on? (optional)", "CSI drivers\nand docs"],
      ]),
    submit: "Join",
  },
  {
    name: "members decision",
    path: "/sigs/:slug/members",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, DECISION_SIG, stamp);
      await requireApproval(page, DECISION_SIG);
      await askToJoinAsVisitor(info, DECISION_SIG, newcomer(stamp), `newcomer-${stamp}@example.org`);
      await go(page, info, `/sigs/${DECISION_SIG}/members`);
    },
    fill: (page, stamp) =>
      enter(page, [
        [`Message to ${newcomer(stamp)} (optional)`, "Welcome aboard! " + "x".repeat(1_000)], // refused: too long
      ]),
    submit: (stamp) => `Accept ${newcomer(stamp)}`,
    // Nothing was decided: the request still waits.
    more: (page, stamp) =>
      expect(page.getByRole("button", { name: `Decline ${newcomer(stamp)}`, exact: true })).toBeVisible(),
  },

  // A lead's SIG page, roadmap and meetings.
  {
    name: "SIG edit",
    path: "/sigs/:slug/edit",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, LEAD_SIG, stamp);
      await go(page, info, `/sigs/${LEAD_SIG}/edit`);
    },
    fill: (page, stamp) =>
      enter(page, [
        ["One-line description (optional)", `Clusters everywhere ${stamp}`],
        ["Mission", "We run **many clusters**\nas one."],
        ["Chat channel name (optional)", "#sig-multicluster"],
        ["Chat channel address (optional)", "https://example.org/chat"],
        ["Mailing list address (optional)", "https://example.org/list"],
        ["Meeting notes address (optional)", "https://example.org/notes"],
        ["Recordings address (optional)", "javascript:alert(1)"], // refused
        ["Joining", "approval"],
      ]),
    submit: "Save the page",
  },
  {
    name: "roadmap item new",
    path: "/sigs/:slug/roadmap/new",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, LEAD_SIG, stamp);
      await go(page, info, `/sigs/${LEAD_SIG}/roadmap/new`);
    },
    fill: async (page, stamp) =>
      enter(page, [
        ["Title", `Plan ${stamp}`],
        ["Description", "- first step\n- second step"],
        ["Status", "in_progress"],
        ["Target month", await lastOption(page, "Target month")],
        ["Owner", await optionValue(page, "Owner", `Lead ${stamp}`)],
        ["Linked issue or PR (optional)", "issue 42"], // refused
        ["Exit criterion (optional)", "Users can restore a snapshot"],
      ]),
    submit: "Add the item",
  },
  {
    name: "roadmap item edit",
    path: "/sigs/:slug/roadmap/:id/edit",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, LEAD_SIG, stamp);
      const id = await ok(page.request, "/api/save_roadmap_item", {
        "form[sig]": LEAD_SIG, "form[id]": "0", "form[version]": "0",
        "form[title]": `Saved plan ${stamp}`, "form[description]": "As saved.",
        "form[status]": "planned", "form[target_month]": new Date().toISOString().slice(0, 7),
        "form[owner]": "", "form[link_url]": "", "form[exit_criterion]": "",
      });
      await go(page, info, `/sigs/${LEAD_SIG}/roadmap/${id}/edit`);
    },
    fill: async (page, stamp) =>
      enter(page, [
        ["Title", `Edited plan ${stamp}`],
        ["Description", "Edited:\n- **bold** step"],
        ["Status", "done"],
        ["Target month", await lastOption(page, "Target month")],
        ["Owner", await optionValue(page, "Owner", `Lead ${stamp}`)],
        ["Linked issue or PR (optional)", "github.com/kubesphere/kubesphere/issues/1"], // refused: no https://
        ["Exit criterion (optional)", "Shipped in a release"],
      ]),
    submit: "Save the item",
  },
  {
    name: "meeting series new",
    path: "/sigs/:slug/meetings/series/new",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, LEAD_SIG, stamp);
      await go(page, info, `/sigs/${LEAD_SIG}/meetings/series/new`);
    },
    fill: (page, stamp) =>
      enter(page, [
        ["Name", `Triage ${stamp}`],
        ["Day", "5"],
        ["Starts at", "16:30"],
        ["Ends at", "17:00"],
        ["Time zone", "Berlin Time"], // refused
        ["How often", "monthly"],
        ["Week of the month", "-1"],
        ["First meeting on or after", "2026-03-06"],
        ["Video call (optional)", "https://example.org/call"],
        ["Agenda and notes document (optional)", "https://example.org/agenda"],
        ["Recordings playlist (optional)", "https://example.org/playlist"],
      ]),
    submit: "Add the meeting",
  },
  {
    name: "meeting series edit",
    path: "/sigs/:slug/meetings/series/:id/edit",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, LEAD_SIG, stamp);
      const id = await ok(page.request, "/api/save_meeting_series", {
        "form[sig]": LEAD_SIG, "form[id]": "0", "form[title]": `Sync ${stamp}`,
        "form[weekday]": "2", "form[start_time]": "09:00", "form[end_time]": "10:00",
        "form[time_zone]": "UTC", "form[cadence]": "weekly", "form[week_of_month]": "",
        "form[starts_on]": "2026-01-06", "form[join_url]": "", "form[notes_url]": "", "form[recordings_url]": "",
      });
      await go(page, info, `/sigs/${LEAD_SIG}/meetings/series/${id}/edit`);
    },
    fill: (page, stamp) =>
      enter(page, [
        ["Name", `Renamed sync ${stamp}`],
        ["Day", "4"],
        ["Starts at", "17:00"],
        ["Ends at", "16:30"], // refused: ends before it starts
        ["Time zone", "Asia/Shanghai"],
        ["How often", "monthly"],
        ["Week of the month", "3"],
        ["First meeting on or after", "2026-02-05"],
        ["Video call (optional)", "https://example.org/call"],
        ["Agenda and notes document (optional)", "https://example.org/agenda"],
        ["Recordings playlist (optional)", "https://example.org/playlist"],
      ]),
    submit: "Save the meeting",
  },
  {
    name: "meeting record new",
    path: "/sigs/:slug/meetings/new",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, LEAD_SIG, stamp);
      await go(page, info, `/sigs/${LEAD_SIG}/meetings/new`);
    },
    fill: (page, stamp) =>
      enter(page, [
        ["Date", "2026-11-18"],
        ["Title", `Triage notes ${stamp}`],
        ["Agenda", "- Roadmap\n- Releases"],
        ["Notes", "- Decided to **ship** it"],
        ["Recording (optional)", "recording.mp4"], // refused: not a web address
      ]),
    submit: "Add the record",
  },
  {
    name: "meeting record edit",
    path: "/sigs/:slug/meetings/:id/edit",
    open: async (page, info, stamp) => {
      await signInAsNewLead(page, LEAD_SIG, stamp);
      const id = await ok(page.request, "/api/save_meeting_record", {
        "form[sig]": LEAD_SIG, "form[id]": "0", "form[held_on]": "2026-05-01",
        "form[title]": `Saved notes ${stamp}`, "form[agenda]": "", "form[notes]": "As saved.", "form[recording_url]": "",
      });
      await go(page, info, `/sigs/${LEAD_SIG}/meetings/${id}/edit`);
    },
    fill: (page, stamp) =>
      enter(page, [
        ["Date", "2099-01-01"], // refused: more than a year ahead
        ["Title", `Edited notes ${stamp}`],
        ["Agenda", "- Triage"],
        ["Notes", "- Nothing decided\n- Next time"],
        ["Recording (optional)", "https://example.org/recording"],
      ]),
    submit: "Save the record",
  },

  // Administration.
  {
    name: "admin: create a group",
    path: "/admin",
    open: async (page, info, stamp) => {
      await signInAsAdmin(page, stamp);
      await go(page, info, "/admin");
    },
    fill: (page, stamp) =>
      enter(page, [
        ["Name", `Group ${stamp}`],
        ["Slug", "Not A Slug"], // refused
        ["Kind", "working_group"],
        ["One-line description (optional)", "A group that is never created"],
      ]),
    submit: "Create the group",
  },
  {
    name: "admin: appoint an administrator",
    path: "/admin",
    open: async (page, info, stamp) => {
      await signInAsAdmin(page, stamp);
      await go(page, info, "/admin");
    },
    // Refused: no account uses this address.
    fill: (page, stamp) => enter(page, [["Their e-mail address", `nobody-${stamp}@example.org`]]),
    submit: "Make administrator",
  },
  {
    name: "admin: appoint a lead",
    path: "/admin/sigs/:slug",
    open: async (page, info, stamp) => {
      await signInAsAdmin(page, stamp);
      await go(page, info, `/admin/sigs/${ADMIN_SIG}`);
    },
    fill: (page) =>
      enter(page, [
        ["Name", "Nova Lead"],
        ["E-mail address", "not-an-address"], // refused
        ["GitHub handle (optional)", "nova-lead"],
        ["Role", "tech_lead"],
      ]),
    submit: "Appoint",
  },
  {
    name: "admin: name and kind",
    path: "/admin/sigs/:slug",
    open: async (page, info, stamp) => {
      await signInAsAdmin(page, stamp);
      await go(page, info, `/admin/sigs/${ADMIN_SIG}`);
    },
    fill: (page, stamp) =>
      enter(page, [
        ["Group name", `Renamed ${stamp} ` + "x".repeat(80)], // refused: too long
        ["Kind", "committee"],
      ]),
    submit: "Save name and kind",
  },
  {
    name: "guidance edit",
    path: "/admin/guidance/:slug",
    open: async (page, info, stamp) => {
      await signInAsAdmin(page, stamp);
      await go(page, info, "/admin/guidance/run-a-sig");
    },
    fill: (page, stamp) =>
      enter(page, [
        ["Title", `Run a SIG ${stamp} ` + "x".repeat(120)], // refused: too long
        ["Text", "# Running a SIG\n\nEdited, then refused."],
      ]),
    submit: "Save the page",
  },
  {
    name: "import upload",
    path: "/admin/import",
    open: async (page, info, stamp) => {
      await signInAsAdmin(page, stamp);
      await go(page, info, "/admin/import");
    },
    fill: async (page) => {
      // Refused: a file with nothing in it. A browser never refills a file input.
      await page.getByLabel("File", { exact: true }).setInputFiles({
        name: "empty.yaml",
        mimeType: "text/yaml",
        buffer: Buffer.from("  \n"),
      });
      return enter(page, [["Format", "kubesphere-md"]]);
    },
    submit: "Show what would change",
    // Not a server function: the refusal comes back as a code in the address.
    refusedUrl: /[?&]problem=no-file/,
  },
];

for (const [n, form] of FORMS.entries()) {
  test(`${form.name} keeps what was typed @no-js`, async ({ page }, info) => {
    // Sign-ins and invitations hash passwords (argon2) on two busy cores.
    test.setTimeout(60_000);
    // Unique per project and form: both workers may start tests in the same millisecond.
    const stamp = `${info.project.name}-${n}-${Date.now()}`;
    await form.open(page, info, stamp);
    const typed = await form.fill(page, stamp);
    const passwords = Object.entries(form.passwords ?? {});
    for (const [label, value] of passwords) await field(page, label).fill(value);
    const submit = typeof form.submit === "string" ? form.submit : form.submit(stamp);
    await page.getByRole("button", { name: submit, exact: true }).click();

    await expect(page.locator("#error-summary")).toBeFocused();
    await expect(page).toHaveURL(form.refusedUrl ?? /__err=/);
    for (const [label, value] of typed) {
      if (typeof value === "boolean") await expect(field(page, label)).toBeChecked({ checked: value });
      else await expect(field(page, label)).toHaveValue(value);
    }
    // Never kept, by design.
    for (const [label] of passwords) await expect(field(page, label)).toHaveValue("");
    await form.more?.(page, stamp);
  });
}

function field(page: Page, label: Label) {
  return typeof label === "string" ? page.getByLabel(label, { exact: true }) : page.getByLabel(label);
}

/** Types, picks and ticks `typed` into the form; returns it. */
async function enter(page: Page, typed: Typed): Promise<Typed> {
  for (const [label, value] of typed) {
    const input = field(page, label);
    if (typeof value === "boolean") {
      await input.setChecked(value);
    } else if ((await input.evaluate((el) => el.tagName)) === "SELECT") {
      await input.selectOption(value);
    } else {
      // A browser stops typing at `maxlength`; a value meant to be too long
      // (pasted, or from an older client) has to get past it for the
      // server's own check to refuse it.
      const max = await input.getAttribute("maxlength");
      if (max !== null && value.length > Number(max)) await input.evaluate((el) => el.removeAttribute("maxlength"));
      await input.fill(value);
    }
  }
  return typed;
}

/** Opens `path`; with JavaScript, waits until the page is hydrated. */
async function go(page: Page, info: TestInfo, path: string) {
  await page.goto(path);
  if (info.project.use.javaScriptEnabled !== false) await waitForHydration(page);
}

/** Posts a form to the server and expects it done; returns the answer's body. */
async function ok(api: APIRequestContext, path: string, form: Record<string, string>): Promise<string> {
  const response = await api.post(path, { form });
  const body = await response.text();
  expect(response.status(), `${path}: ${body}`).toBe(200);
  return body;
}

/** A new administrator, signed in in the page's browser context. */
async function signInAsAdmin(page: Page, stamp: string) {
  const email = `admin-${stamp}@example.org`;
  createAdmin(email, "Site Admin", password);
  await ok(page.request, "/api/sign_in", { "form[email]": email, "form[password]": password });
}

/** The value of the `<select>` option that reads `text`. */
async function optionValue(page: Page, label: string, text: string): Promise<string> {
  const value = await field(page, label).locator("option", { hasText: text }).getAttribute("value");
  expect(value, `${label}: no option “${text}”`).not.toBeNull();
  return value!;
}

/** The value of a `<select>`'s last option (not the one it starts on). */
async function lastOption(page: Page, label: string): Promise<string> {
  return (await field(page, label).locator("option").last().getAttribute("value")) ?? "";
}

function newcomer(stamp: string) {
  return `Ola ${stamp}`;
}

/** The SIG's leads approve each request from now on; the rest of its page stays. */
async function requireApproval(page: Page, slug: string) {
  await page.goto(`/sigs/${slug}/edit`);
  const current = Object.fromEntries(
    await page.locator("form.form input[name], form.form select[name], form.form textarea[name]").evaluateAll((fields) =>
      fields.map((f) => [(f as HTMLInputElement).name, (f as HTMLInputElement).value]),
    ),
  );
  await ok(page.request, "/api/update_sig", { ...current, "form[join_policy]": "approval" });
}

/** A visitor, in a client of their own, asks to join `slug` and confirms from the inbox. */
async function askToJoinAsVisitor(info: TestInfo, slug: string, name: string, email: string) {
  const octet = () => Math.floor(Math.random() * 250) + 1;
  const visitor = await request.newContext({
    baseURL: info.project.use.baseURL ?? process.env.SIGPOST_BASE_URL ?? "http://127.0.0.1:3000",
    extraHTTPHeaders: { "x-forwarded-for": `10.201.${octet()}.${octet()}` },
  });
  await ok(visitor, "/api/join_sigs", {
    "form[display_name]": name,
    "form[email]": email,
    [`form[sigs][${slug}]`]: "on",
    "form[interest]": "Docs and first issues",
    "form[github_handle]": "",
    "form[website]": "",
  });
  await ok(visitor, "/api/confirm_join", { token: linkToken(email, "/join/confirm") });
  await visitor.dispose();
}

/** The e-mailed link's token is still in the form, so the next try can work. */
async function expectLinkTokenKept(page: Page) {
  const token = new URL(page.url()).searchParams.get("token");
  expect(token).toMatch(/^[0-9a-f]{32}$/);
  await expect(page.locator('input[type="hidden"][name="form[token]"]')).toHaveValue(token!);
}
