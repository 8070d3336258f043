// A stand-in for GitHub's OAuth endpoints, for tests only: GitHub itself
// cannot be reached from the machines the tests run on. It answers what
// GitHub documents for OAuth apps: the authorize page (a form asking which
// user signs in), the access-token exchange (with PKCE), `/user` and
// `/user/emails` under `/api`.
//
//   node github-stand-in.mjs [--port N] [--client-id ID --client-secret SECRET]
// Test-only controls:
//   POST /test/clients                 → {client_id, client_secret}, a new OAuth app
//   POST /test/users {login, id, name, emails: [{email, verified, primary}]}
// A login typed on the authorize page that was never described is a user
// with a verified address at users.example.org.
// Prints {"url": "..."} on its first line; with --exit-with-stdin it exits
// when its standard input closes.
import http from "node:http";
import { readBody } from "./read-body.mjs";
import crypto from "node:crypto";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const clients = new Map();
if (args["client-id"]) clients.set(args["client-id"], args["client-secret"]);
const users = new Map();
const codes = new Map();
const tokens = new Map();

const random = () => crypto.randomBytes(16).toString("hex");
const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function userFor(login) {
  const key = login.toLowerCase();
  if (!users.has(key)) {
    const id = 100000 + (parseInt(crypto.createHash("sha256").update(key).digest("hex").slice(0, 8), 16) % 900000);
    users.set(key, { login, id, name: login, emails: [{ email: `${key}@users.example.org`, verified: true, primary: true }] });
  }
  return users.get(key);
}

const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    res.statusCode = 500;
    res.end(String(error));
  });
});

async function route(req, res) {
  const url = new URL(req.url, "http://stand-in");
  const json = (status, value) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(value));
  };
  if (url.pathname === "/health") return res.end("ok");
  if (req.method === "POST" && url.pathname === "/test/clients") {
    const client = { client_id: random(), client_secret: random() };
    clients.set(client.client_id, client.client_secret);
    return json(200, client);
  }
  if (req.method === "POST" && url.pathname === "/test/users") {
    const user = JSON.parse(await readBody(req));
    users.set(user.login.toLowerCase(), user);
    return json(200, user);
  }
  if (url.pathname === "/login/oauth/authorize" && req.method === "GET") {
    const p = url.searchParams;
    if (!clients.has(p.get("client_id"))) return json(404, { error: "unknown client" });
    const hidden = ["client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method"]
      .map((name) => `<input type="hidden" name="${name}" value="${escape(p.get(name) ?? "")}">`)
      .join("");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to GitHub (stand-in)</title></head>
<body><main><h1>Sign in to GitHub (stand-in)</h1><form method="post" action="/login/oauth/authorize">${hidden}
<label for="login">Username</label> <input id="login" name="login" required>
<button type="submit" name="decision" value="allow">Authorize</button>
<button type="submit" name="decision" value="deny" formnovalidate>Cancel</button></form></main></body></html>`);
  }
  if (url.pathname === "/login/oauth/authorize" && req.method === "POST") {
    const form = new URLSearchParams(await readBody(req));
    const back = new URL(form.get("redirect_uri"));
    if (form.get("state")) back.searchParams.set("state", form.get("state"));
    if (form.get("decision") === "deny") {
      back.searchParams.set("error", "access_denied");
    } else {
      const code = random();
      codes.set(code, {
        client_id: form.get("client_id"),
        login: form.get("login"),
        challenge: form.get("code_challenge"),
        redirect_uri: form.get("redirect_uri"),
      });
      back.searchParams.set("code", code);
    }
    res.writeHead(302, { location: back.toString() });
    return res.end();
  }
  if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
    const form = new URLSearchParams(await readBody(req));
    const basic = (req.headers.authorization ?? "").match(/^Basic (.+)$/);
    const [basicId, basicSecret] = basic ? Buffer.from(basic[1], "base64").toString().split(":").map(decodeURIComponent) : [];
    const clientId = form.get("client_id") ?? basicId;
    const secret = form.get("client_secret") ?? basicSecret;
    const grant = codes.get(form.get("code"));
    codes.delete(form.get("code"));
    const verifier = form.get("code_verifier") ?? "";
    const challenge = crypto.createHash("sha256").update(verifier).digest("base64url");
    // GitHub answers a bad code with 200 and an error object.
    if (clients.get(clientId) !== secret) return json(200, { error: "incorrect_client_credentials" });
    if (!grant || grant.client_id !== clientId || (grant.challenge && grant.challenge !== challenge)) {
      return json(200, { error: "bad_verification_code" });
    }
    const token = `gho_${random()}`;
    tokens.set(token, userFor(grant.login));
    return json(200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
  }
  if (url.pathname.startsWith("/api/")) {
    const token = (req.headers.authorization ?? "").replace(/^(Bearer|token) /i, "");
    const user = tokens.get(token);
    if (!user) return json(401, { message: "Bad credentials" });
    if (url.pathname === "/api/user") return json(200, { id: user.id, login: user.login, name: user.name, email: null });
    if (url.pathname === "/api/user/emails") return json(200, user.emails.map((e) => ({ visibility: null, ...e })));
  }
  return json(404, { message: "Not Found" });
}

server.listen(Number(args.port ?? 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }));
});
// Started by a test process: go when it goes (its pipe to us closes).
if (process.argv.includes("--exit-with-stdin")) {
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
}
