#!/usr/bin/env bash
# Prints the figures DESIGN.md budgets: the hydrate bundle's size (raw, gzip,
# brotli) and requests/s and p99 latency of /sigs and a SIG page at 64
# connections, measured with wrk on loopback against a release build; then
# join commits per second with 64 clients against 1 client; nginx (Debian's)
# serving the same two pages as static files, in the same run, for scale; and
# the server's memory after a warm-up and after BENCH_REQUESTS (a million).
# A benchmark, not a test: it prints figures and never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh build
source scripts/env.sh

for tool in wrk brotli nginx; do
  if ! command -v "$tool" >/dev/null; then
    sudo_cmd=""; [[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get install -y -qq "$tool" >/dev/null
  fi
done

DURATION="${BENCH_DURATION:-10s}"
ADDR="127.0.0.1:3300"
NGINX_ADDR="127.0.0.1:3301"
REQUESTS="${BENCH_REQUESTS:-1000000}"
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

LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=sigpost LEPTOS_ENV=PROD \
  DATABASE_URL="sqlite://$work/bench.db?mode=rwc" SIGPOST_DEMO_DATA=true SIGPOST_LISTEN="$ADDR" \
  SIGPOST_TRUST_FORWARDED_FOR=true \
  RUST_LOG=warn target/release/server >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "http://$ADDR/readyz" >/dev/null && break; sleep 0.1; done

# One table row from wrk's report: label, rate, p50, p99, and any errors.
print_row() {
  local label="$1" out="$2"
  printf '%-28s %12s %10s %10s %s\n' "$label" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx|Socket errors/' <<<"$out")"
}

echo
# The same HTML as static files behind nginx: what serving these pages
# could cost at best on this machine.
mkdir -p "$work/static/sigs"
curl -fs "http://$ADDR/sigs" >"$work/static/sigs/index.html"
curl -fs "http://$ADDR/sigs/storage" >"$work/static/sigs/storage.html"
chmod 755 "$work" "$work/static" "$work/static/sigs" # nginx workers run as nobody
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
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
  }
}
NGINX
nginx -c "$work/nginx.conf"
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server_pid/status"; }
served=0

echo "== server-side rendering against nginx serving the same HTML, wrk -t2 -c64 -d$DURATION (all share $(nproc) cores) =="
printf '%-28s %12s %10s %10s %s\n' path "requests/s" p50 p99 "sigpost/nginx"
for path in /sigs /sigs/storage; do
  curl -fs "http://$ADDR$path" >/dev/null
  ours="$(wrk -t2 -c64 -d"$DURATION" --latency "http://$ADDR$path")"
  served=$((served + $(awk '/requests in/ {print $1}' <<<"$ours")))
  theirs="$(wrk -t2 -c64 -d"$DURATION" --latency "http://$NGINX_ADDR$path")"
  ratio=$(bc -l <<<"$(awk '/Requests\/sec/ {print $2}' <<<"$ours") / $(awk '/Requests\/sec/ {print $2}' <<<"$theirs")")
  print_row "sigpost $path" "$ours"
  print_row "nginx $path" "$theirs"
  printf '%-28s %12.3f\n' "ratio $path" "$ratio"
done
echo
echo "server resident memory after the warm-up: $(rss) MiB"

# On to a million requests, alternating the two pages.
while (( served < REQUESTS )); do
  for path in /sigs /sigs/storage; do
    out="$(wrk -t2 -c64 -d30s "http://$ADDR$path")"
    served=$((served + $(awk '/requests in/ {print $1}' <<<"$out")))
  done
done
echo "server resident memory after $served requests: $(rss) MiB"

echo
echo "== joins (each a new person: one write transaction and a queued e-mail), SQLite =="
printf '%-28s %12s %10s %10s\n' clients "commits/s" p50 p99
answered=0
for clients in 1 64; do
  threads=$(( clients < 2 ? 1 : 2 ))
  out="$(wrk -t"$threads" -c"$clients" -d"$DURATION" --latency -s scripts/join-load.lua \
    "http://$ADDR" -- "c$clients-$(date +%s%N)")"
  answered=$((answered + $(awk '/requests in/ {print $1}' <<<"$out")))
  print_row "$clients" "$out"
done
pending=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM memberships WHERE status = 'unconfirmed'" 2>/dev/null || echo "?")
echo "joins answered: $answered; unconfirmed memberships written: $pending (equal, give or take the requests in flight when wrk stops)"

