// A real OpenID Connect provider on loopback for the integration tests:
// `oidc-provider`, an OpenID-certified implementation, with dynamic client
// registration (each test registers its own client) and a login step that
// signs in whichever account the test named for its client.
//
// Test-only controls, keyed by client id:
//   POST /test/next-account {client_id, account: {sub, email, email_verified, name, preferred_username}}
//   POST /test/tamper {client_id, nonce?, expired?}  re-signs the next ID token with a
//     wrong nonce or a past expiry, with the provider's own key (a forged answer that
//     only the relying party's checks can catch).
// Prints {"issuer": "..."} on its first line; with --exit-with-stdin it exits
// when its standard input closes.
import http from "node:http";
import { readBody } from "./read-body.mjs";
import Provider from "oidc-provider";
import * as jose from "jose";

const nextAccounts = new Map();
const tampering = new Map();
const accounts = new Map();

const { privateKey } = await jose.generateKeyPair("RS256", { extractable: true });
const signingKey = { ...(await jose.exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };

let provider;
const server = http.createServer((req, res) => {
  route(req, res).catch((error) => {
    res.statusCode = 500;
    res.end(String(error));
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  cookies: { keys: ["sigpost-test-cookies"] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false }, registration: { enabled: true } },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "preferred_username"],
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ sub, ...(accounts.get(sub) ?? {}) }),
  }),
});

// The forged answers the tests ask for: re-signed, so only the claims are wrong.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== "/token" || !ctx.body?.id_token) return;
  const clientId = ctx.oidc?.client?.clientId;
  const tamper = tampering.get(clientId);
  if (!tamper) return;
  tampering.delete(clientId);
  const claims = jose.decodeJwt(ctx.body.id_token);
  if (tamper.nonce) claims.nonce = tamper.nonce;
  if (tamper.expired) {
    const now = Math.floor(Date.now() / 1000);
    claims.iat = now - 7200;
    claims.exp = now - 3600;
  }
  ctx.body.id_token = await new jose.SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: signingKey.kid })
    .sign(privateKey);
});

const handle = provider.callback();

async function route(req, res) {
  if (req.method === "POST" && req.url === "/test/next-account") {
    const { client_id, account } = JSON.parse(await readBody(req));
    nextAccounts.set(client_id, account);
    return res.end("ok");
  }
  if (req.method === "POST" && req.url === "/test/tamper") {
    const { client_id, ...tamper } = JSON.parse(await readBody(req));
    tampering.set(client_id, tamper);
    return res.end("ok");
  }
  if (req.url.startsWith("/interaction/")) return interact(req, res);
  return handle(req, res);
}

async function interact(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === "login") {
    const { sub, ...claims } = nextAccounts.get(params.client_id) ?? { sub: "nobody" };
    accounts.set(sub, claims);
    return provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  }
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(" "));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

console.log(JSON.stringify({ issuer }));
// Started by a test process: go when it goes (its pipe to us closes).
if (process.argv.includes("--exit-with-stdin")) {
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
}
