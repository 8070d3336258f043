#!/usr/bin/env bash
# Prints how long the four answers that could tell whether an address has an
# account take (sign-in, sign-up, forgot-password, join), for an address
# with an account and for one without: the median and p90 of TRIES tries
# each, interleaved, against a release build on loopback. The two medians
# should be within a few percent. A benchmark, not a test: it prints figures
# and never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh build
source scripts/env.sh

ADDR="127.0.0.1:3310"
TRIES="${BENCH_TRIES:-60}"
work="$(mktemp -d)"
cleanup() {
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cargo leptos build --release >/dev/null 2>&1 || cargo leptos build --release

# Server on one core, this client on the other, as the read-path benchmark.
LEPTOS_SITE_ROOT=target/site LEPTOS_OUTPUT_NAME=sigpost LEPTOS_ENV=PROD \
  DATABASE_URL="sqlite://$work/bench.db?mode=rwc" SIGPOST_DEMO_DATA=true SIGPOST_LISTEN="$ADDR" \
  SIGPOST_TRUST_FORWARDED_FOR=true \
  RUST_LOG=warn taskset -c 0 target/release/server >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do curl -fs "http://$ADDR/readyz" >/dev/null && break; sleep 0.1; done

taskset -c 1 python3 - "$ADDR" "$TRIES" <<'PYTHON'
import statistics, sys, time, urllib.parse, urllib.request

addr, tries = sys.argv[1], int(sys.argv[2])
serial = 0

def post(function, fields):
    """One call as a script makes it; the seconds it took."""
    global serial
    serial += 1
    body = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(
        f"http://{addr}/api/{function}", data=body, method="POST",
        headers={"content-type": "application/x-www-form-urlencoded",
                 # A fresh client address each time: rate limits stay out of the way.
                 "x-forwarded-for": f"10.{serial // 62500 % 250}.{serial // 250 % 250}.{serial % 250}"})
    started = time.perf_counter()
    try:
        urllib.request.urlopen(request).read()
    except urllib.error.HTTPError as error:
        error.read()
    return time.perf_counter() - started

KNOWN = "known@example.org"
post("sign_up", {"form[display_name]": "Known Person", "form[email]": KNOWN,
                 "form[github_handle]": "", "form[password]": "violet-kettle-orbit-42"})

def fields(endpoint, email, n):
    return {
        "sign_in": {"form[email]": email, "form[password]": "not-the-password-1"},
        "sign_up": {"form[display_name]": f"Person {n}", "form[email]": email,
                    "form[github_handle]": "", "form[password]": "violet-kettle-orbit-42"},
        "forgot_password": {"email": email},
        "join_sigs": {"form[display_name]": f"Person {n}", "form[email]": email,
                      "form[github_handle]": "", "form[interest]": "storage",
                      "form[sigs][storage]": "on", "form[website]": ""},
    }[endpoint]

print(f"{'endpoint':<18} {'known p50':>10} {'unknown p50':>12} {'difference':>11} {'known p90':>10} {'unknown p90':>12}")
for endpoint in ["sign_in", "sign_up", "forgot_password", "join_sigs"]:
    known, unknown = [], []
    for n in range(tries):
        known.append(post(endpoint, fields(endpoint, KNOWN, n)))
        unknown.append(post(endpoint, fields(endpoint, f"nobody{n}-{endpoint}@example.org", n)))
    k50, u50 = statistics.median(known), statistics.median(unknown)
    k90, u90 = (statistics.quantiles(s, n=10)[-1] for s in (known, unknown))
    print(f"{endpoint:<18} {k50*1000:>8.1f}ms {u50*1000:>10.1f}ms {(u50-k50)/k50*100:>+10.1f}% {k90*1000:>8.1f}ms {u90*1000:>10.1f}ms")
PYTHON
