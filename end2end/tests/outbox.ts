import { execFileSync } from "node:child_process";
import path from "node:path";

// The server binary cargo-leptos built for this run.
const server = path.resolve(__dirname, "../../target/debug/server");

/**
 * The token of the newest `linkPath` link e-mailed to `email`, read from the
 * outbox. A visitor's join is carried out a moment after its answer, so the
 * letter is looked for again for a few seconds, as its reader would.
 */
export function linkToken(email: string, linkPath: string): string {
  const pattern = new RegExp(`${linkPath.replace(/[/]/g, "\\/")}\\?token=([0-9a-f]{32})`);
  let mails = "";
  for (let attempt = 0; attempt < 50; attempt++) {
    mails = execFileSync(server, ["outbox", "--to", email], {
      env: { ...process.env, RUST_LOG: "warn" },
      encoding: "utf8",
    });
    const match = mails.match(pattern);
    if (match) return match[1];
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  throw new Error(`no ${linkPath} link for ${email} in:\n${mails}`);
}

/** Creates (or resets) an administrator with the server's own command. */
export function createAdmin(email: string, name: string, password: string) {
  execFileSync(server, ["admin", "create", "--email", email, "--name", name], {
    env: { ...process.env, RUST_LOG: "warn", SIGPOST_ADMIN_PASSWORD: password },
    encoding: "utf8",
  });
}

/** Imports a community file with the server's own command, as an operator would. */
export function importFile(file: string, format: "sigs-yaml" | "kubesphere-md") {
  execFileSync(server, ["import", file, "--format", format], {
    env: { ...process.env, RUST_LOG: "warn" },
    encoding: "utf8",
  });
}
