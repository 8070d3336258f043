#!/usr/bin/env bash
# Runs Lighthouse 12 (mobile) in Debian's Chromium against a release build and
# prints the four category scores of each page type. A measurement, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh test
source scripts/env.sh
(cd tools/lighthouse && npm ci --no-audit --no-fund >/dev/null)

ADDR="127.0.0.1:3400"
work="$(mktemp -d)"
cleanup() { [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

cargo leptos build --release >/dev/null 2>&1 || cargo leptos build --release
LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=sigpost LEPTOS_ENV=PROD \
  DATABASE_URL="sqlite://$work/lighthouse.db?mode=rwc" SIGPOST_DEMO_DATA=true SIGPOST_LISTEN="$ADDR" \
  SIGPOST_SITE_NAME=KubeSphere RUST_LOG=warn target/release/server >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "http://$ADDR/readyz" >/dev/null && break; sleep 0.1; done

printf '%-24s %12s %14s %15s %6s\n' page performance accessibility best-practices seo
for path in / /sigs /sigs/storage /sigs/storage/roadmap /roadmap /join /channels /guidance/run-a-sig; do
  report="$work/report.json"
  # Measure a warm server, as visitors meet it: the first render of a page
  # type pays one-off start-up costs that vary from run to run.
  curl -fs "http://$ADDR$path" >/dev/null
  CHROME_PATH=/usr/bin/chromium tools/lighthouse/node_modules/.bin/lighthouse "http://$ADDR$path" \
    --quiet --output=json --output-path="$report" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    >/dev/null 2>&1 || { echo "$path: lighthouse failed"; continue; }
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    const pad = (v, n) => String(v).padStart(n);
    console.log(process.argv[2].padEnd(24) + pad(s("performance"), 13) + pad(s("accessibility"), 15) + pad(s("best-practices"), 16) + pad(s("seo"), 7));
    for (const [k, c] of Object.entries(r.categories)) {
      for (const ref of c.auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("    " + k + ": " + a.title);
      }
    }
  ' "$report" "$path"
done
