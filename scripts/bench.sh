#!/usr/bin/env bash
# Prints the figures docs/architecture.md budgets, measured fairly on two
# cores: the server pinned to core 0, nginx (one worker, Debian's) pinned to
# the same core serving the same bytes, wrk pinned to core 1. Each figure is
# the median of three runs after a 5 s warm-up that is thrown away.
#   - the hydrate bundle's size (raw, gzip, brotli)
#   - /sigs, /sigs/storage and /healthz at 64 connections: req/s, p50, p99,
#     and our rate over nginx's; also with Accept-Encoding: br, signed in
#     (a session cookie: pages kept per person, so repeated views), and one connection
#   - the server's memory after the warm-up and after BENCH_REQUESTS (a million)
#   - joins with 1 and 64 clients (SQLite): answered per second with p50
#     and p99, and carried out per second by the join worker
#   - search on the imported Kubernetes sigs.yaml: one query kept in memory,
#     and a query the cache has not seen on every request
#   - rendering a SIG's page and its health page afresh on every request,
#     with a year of history for every SIG
# A benchmark, not a test: it prints figures and never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh build
source scripts/env.sh

for tool in wrk brotli nginx taskset sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    sudo_cmd=""; [[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get install -y -qq "$tool" >/dev/null
  fi
done

DURATION="${BENCH_DURATION:-10s}"
ADDR="127.0.0.1:3300"
NGINX_ADDR="127.0.0.1:3301"
REQUESTS="${BENCH_REQUESTS:-1000000}"
SERVER_CORE=0
LOAD_CORE=1
work="$(mktemp -d)"
cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cargo leptos build --release >/dev/null 2>&1 || cargo leptos build --release

echo "== hydrate bundle (release, wasm-opt) =="
printf '%-28s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for file in target/site/pkg/*.wasm target/site/pkg/*.js; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-28s %9.1fK %9.1fK %9.1fK\n' "$(basename "$file")" "$(bc -l <<<"$raw/1024")" "$(bc -l <<<"$gz/1024")" "$(bc -l <<<"$br/1024")"
done
printf '%-28s %9.1fK %9.1fK %9.1fK\n' total "$(bc -l <<<"$total_raw/1024")" "$(bc -l <<<"$total_gz/1024")" "$(bc -l <<<"$total_br/1024")"

export DATABASE_URL="sqlite://$work/bench.db?mode=rwc"
LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=sigpost LEPTOS_ENV=PROD \
  SIGPOST_DEMO_DATA=true SIGPOST_LISTEN="$ADDR" SIGPOST_TRUST_FORWARDED_FOR=true \
  RUST_LOG=warn taskset -c "$SERVER_CORE" target/release/server >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "http://$ADDR/readyz" >/dev/null && break; sleep 0.1; done

# A signed-in visitor: an account made by the CLI, signed in over HTTP.
SIGPOST_ADMIN_PASSWORD="bench-orbit-kettle-42" target/release/server admin create \
  --email bench@example.org --name "Bench Admin" >/dev/null
session="$(curl -fs -o /dev/null -D - -X POST "http://$ADDR/api/sign_in" \
  --data-urlencode "form[email]=bench@example.org" \
  --data-urlencode "form[password]=bench-orbit-kettle-42" \
  | awk -F'[=;]' 'tolower($0) ~ /^set-cookie: sigpost_session=/ {print $2; exit}')"

# The same bytes as static files behind nginx: what serving them could cost
# at best on this core.
mkdir -p "$work/static/sigs"
curl -fs "http://$ADDR/sigs" >"$work/static/sigs/index.html"
curl -fs "http://$ADDR/sigs/storage" >"$work/static/sigs/storage.html"
curl -fs "http://$ADDR/healthz" >"$work/static/healthz.txt"
chmod 755 "$work" "$work/static" "$work/static/sigs" # nginx workers run as nobody
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
worker_cpu_affinity 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-body;
  proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fastcgi;
  uwsgi_temp_path $work/nginx-uwsgi;
  scgi_temp_path $work/nginx-scgi;
  server {
    listen $NGINX_ADDR;
    root $work/static;
    location = /sigs { default_type text/html; try_files /sigs/index.html =404; }
    location = /sigs/storage { default_type text/html; try_files /sigs/storage.html =404; }
    location = /healthz { default_type text/plain; try_files /healthz.txt =404; }
  }
}
NGINX
taskset -c "$SERVER_CORE" nginx -c "$work/nginx.conf"
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status"; }
served=0

# wrk on the other core; extra arguments go to wrk (headers, -c, -s).
load() { taskset -c "$LOAD_CORE" wrk -t1 --latency "$@"; }

# Median of three runs after a warm-up: prints "rate p50 p99 errors".
measure() {
  local url="$1"; shift
  load -d5s "$@" "$url" >/dev/null
  local runs=()
  for _ in 1 2 3; do
    local out; out="$(load -d"$DURATION" "$@" "$url")"
    served=$((served + $(awk '/requests in/ {print $1}' <<<"$out")))
    runs+=("$(awk '/Requests\/sec/ {rate=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2}
      /Non-2xx|Socket errors/ {err=err" "$0} END {print rate, p50, p99, err}' <<<"$out")")
  done
  printf '%s\n' "${runs[@]}" | sort -g -k1,1 | sed -n 2p
}

row() { # label, our figures, nginx's figures (or "")
  local ours="$2" theirs="$3" ratio="-"
  if [[ -n "$theirs" ]]; then
    ratio=$(printf '%.3f' "$(bc -l <<<"${ours%% *} / ${theirs%% *}")")
  fi
  printf '%-34s %10s %9s %9s %10s %7s %s\n' "$1" $(cut -d' ' -f1-3 <<<"$ours") \
    "${theirs%% *}" "$ratio" "$(cut -d' ' -f4- <<<"$ours")"
}

echo
echo "== pages: server and nginx on core $SERVER_CORE, wrk -t1 on core $LOAD_CORE; median of 3 x $DURATION =="
printf '%-34s %10s %9s %9s %10s %7s\n' "page (64 connections)" "req/s" p50 p99 "nginx/s" ratio
for path in /sigs /sigs/storage /healthz; do
  row "$path" "$(measure "http://$ADDR$path" -c64)" "$(measure "http://$NGINX_ADDR$path" -c64)"
done
for path in /sigs /sigs/storage; do
  row "$path, br" "$(measure "http://$ADDR$path" -c64 -H "Accept-Encoding: br")" ""
  row "$path, signed in" "$(measure "http://$ADDR$path" -c64 -H "Cookie: sigpost_session=$session")" \
    "$(measure "http://$NGINX_ADDR$path" -c64)"
  row "$path, 1 connection" "$(measure "http://$ADDR$path" -c1)" "$(measure "http://$NGINX_ADDR$path" -c1)"
done
echo
echo "server resident memory after the warm-up: $(rss) MiB"

# On to a million requests, alternating the two pages.
while (( served < REQUESTS )); do
  for path in /sigs /sigs/storage; do
    out="$(load -c64 -d30s "http://$ADDR$path")"
    served=$((served + $(awk '/requests in/ {print $1}' <<<"$out")))
  done
done
echo "server resident memory after $served requests: $(rss) MiB"

echo
echo "== joins (each a new person), SQLite =="
echo "answered: the request checks the form and queues the join; carried out: the worker"
echo "writes the person, the membership, the link and the e-mail (until the queue is empty)"
printf '%-34s %10s %9s %9s %14s\n' clients "answered/s" p50 p99 "carried out/s"
answered=0
written() { sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM memberships WHERE status = 'unconfirmed'"; }
for clients in 1 64; do
  before=$(written); started=$(date +%s.%N)
  out="$(load -c"$clients" -d"$DURATION" -s scripts/join-load.lua \
    "http://$ADDR" -- "c$clients-$(date +%s%N)")"
  until [[ "$(sqlite3 "$work/bench.db" 'SELECT COUNT(*) FROM queued_joins')" == 0 ]]; do sleep 0.05; done
  carried=$(bc -l <<<"($(written) - $before) / ($(date +%s.%N) - $started)")
  answered=$((answered + $(awk '/requests in/ {print $1}' <<<"$out")))
  printf '%-34s %10s %9s %9s %14.1f %s\n' "$clients" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$carried" "$(awk '/Non-2xx|Socket errors/' <<<"$out")"
done
echo "joins answered: $answered; unconfirmed memberships written: $(written) (equal, give or take the requests in flight when wrk stops)"

echo
echo "== search on the imported Kubernetes sigs.yaml, SQLite =="
target/release/server import --format sigs-yaml server/tests/data/kubernetes-sigs.yaml >/dev/null
# The first search after the import rebuilds the index.
rebuild="$(curl -fs -o /dev/null -w '%{time_total}' "http://$ADDR/search?q=storage")"
echo "first search after the import (rebuilds the index): $(bc -l <<<"$rebuild * 1000" | cut -d. -f1) ms"
printf '%-34s %10s %9s %9s\n' "search (64 connections)" "req/s" p50 p99
row "/search?q=storage, kept" "$(measure "http://$ADDR/search?q=storage" -c64)" ""
row "/search, a new query each time" "$(measure "http://$ADDR" -c64 -s scripts/search-load.lua)" ""
row "/search, new query, 1 connection" "$(measure "http://$ADDR" -c1 -s scripts/search-load.lua)" ""

echo
echo "== rendering afresh (a new address each request), a year of history for every SIG, SQLite =="
sqlite3 "$work/bench.db" <scripts/bench-history.sql
printf '%-34s %10s %9s %9s\n' "page (64 connections)" "req/s" p50 p99
sig_page="$(RENDER_PATH=/sigs/storage measure "http://$ADDR" -c64 -s scripts/render-load.lua)"
health_page="$(RENDER_PATH=/sigs/storage/health measure "http://$ADDR" -c64 -s scripts/render-load.lua)"
row "/sigs/storage, rendered" "$sig_page" ""
row "/sigs/storage/health, rendered" "$health_page" ""
echo "health page cost over the SIG page's: $(printf '%.2f' "$(bc -l <<<"${sig_page%% *} / ${health_page%% *}")")x (budget: 2x)"
