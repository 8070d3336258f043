#!/usr/bin/env bash
# Runs the portal at http://127.0.0.1:3000 on an embedded SQLite file
# (./sigpost.db), loading the KubeSphere SIG list as demo data when it is empty.
# Installs what is missing first (see scripts/install-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh build
source scripts/env.sh

export DATABASE_URL="${DATABASE_URL:-sqlite://sigpost.db?mode=rwc}"
export SIGPOST_SITE_NAME="${SIGPOST_SITE_NAME:-KubeSphere}"
export SIGPOST_DEMO_DATA="${SIGPOST_DEMO_DATA:-true}"
# Production settings: the strict Content-Security-Policy (no live-reload
# socket) and no reload script, as a real deployment serves.
export LEPTOS_ENV="${LEPTOS_ENV:-PROD}"
exec cargo leptos serve --release
