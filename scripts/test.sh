#!/usr/bin/env bash
# Runs every test: formatting and lints, unit tests, integration tests over
# HTTP on SQLite and PostgreSQL, and Playwright journeys in Chromium.
# Installs what is missing first (see scripts/install-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh test
source scripts/env.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# The PostgreSQL tests never skip: start the local server if it is down.
export SIGPOST_TEST_POSTGRES_URL="${SIGPOST_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  step "starting the local PostgreSQL server"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi

step "formatting"
cargo fmt --all --check

step "lints: server build and browser build"
cargo clippy -p app -p server --tests --features app/ssr -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "the release browser bundle builds (what scripts/run.sh serves)"
# Release builds hit compiler limits (deep view types) that debug builds do not.
cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release

step "the browser bundle links no server-only crate"
if cargo tree -p frontend --target wasm32-unknown-unknown -e normal | grep -E '\b(sqlx|tokio|pulldown-cmark|ammonia) v'; then
  echo "server-only crates leaked into the wasm build" >&2
  exit 1
fi

step "unit and integration tests (SQLite and PostgreSQL)"
cargo test -p app -p server --features app/ssr

step "browser journeys in Chromium (Playwright)"
e2e_dir="$(mktemp -d)"
trap 'rm -rf "$e2e_dir"' EXIT
export LEPTOS_SITE_ADDR="127.0.0.1:3100"
export SIGPOST_BASE_URL="http://$LEPTOS_SITE_ADDR"
export DATABASE_URL="sqlite://$e2e_dir/sigpost.db?mode=rwc"
export SIGPOST_DEMO_DATA=true
export SIGPOST_SITE_NAME="KubeSphere"
# Each Playwright test sends its own X-Forwarded-For, as clients behind a proxy.
export SIGPOST_TRUST_FORWARDED_FOR=true
# "Sign in with GitHub" through the stand-in the Playwright config starts.
export SIGPOST_GITHUB_CLIENT_ID="sigpost-e2e"
export SIGPOST_GITHUB_CLIENT_SECRET="e2e-stand-in-secret"
export SIGPOST_GITHUB_URL="http://127.0.0.1:3190"
export SIGPOST_GITHUB_API_URL="http://127.0.0.1:3190/api"
cargo leptos end-to-end

step "all tests passed"
