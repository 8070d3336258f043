#!/usr/bin/env bash
# Installs the build tools sigpost needs, skipping each one already present at
# the right version. Safe to run again; the README's two commands call it.
#   install-tools.sh build   wasm target, cargo-leptos, wasm-bindgen-cli, npm packages
#   install-tools.sh test    the same, plus Debian's chromium for Playwright,
#                            openssh-server for the git sync's SSH test and
#                            aiosmtpd (Python) for the mail tests
set -euo pipefail
cd "$(dirname "$0")/.."

want="${1:-build}"
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

CARGO_LEPTOS_VERSION=0.3.11
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Builds a binary crate from its published source with its own Cargo.lock, after
# moving the named dependencies to versions that build on this toolchain.
#   install_pinned CRATE VERSION "FEATURES" [DEP@VERSION ...]
install_pinned() {
  local crate="$1" version="$2" features="$3"; shift 3
  local work; work="$(mktemp -d)"
  cargo info "$crate@$version" >/dev/null 2>&1 || true # fetches the .crate file
  local archive
  archive="$(ls "$CARGO_HOME"/registry/cache/*/"$crate-$version.crate" | head -n1)"
  tar xzf "$archive" -C "$work"
  (
    cd "$work/$crate-$version"
    rm -f rust-toolchain.toml rust-toolchain # use the machine's toolchain, never download one
    for pin in "$@"; do cargo update --quiet -p "${pin%@*}" --precise "${pin#*@}"; done
    cargo install --path . --locked --force ${features:+--features "$features"}
  )
  rm -rf "$work"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(cargo leptos --version 2>/dev/null || true)" != *"$CARGO_LEPTOS_VERSION"* ]]; then
  say "building cargo-leptos $CARGO_LEPTOS_VERSION (about 12 minutes, once)"
  install_pinned cargo-leptos "$CARGO_LEPTOS_VERSION" no_downloads cargo-util-schemas@0.14.1
fi

if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != *"$WASM_BINDGEN_VERSION"* ]]; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes, once)"
  install_pinned wasm-bindgen-cli "$WASM_BINDGEN_VERSION" "" webpki-roots@1.0.10
fi

# wasm-opt (npm binaryen), Playwright and the sign-in provider the tests
# start (oidc-provider) live in end2end/node_modules.
if [[ ! -x end2end/node_modules/.bin/wasm-opt || end2end/package-lock.json -nt end2end/node_modules/.installed ]]; then
  say "installing npm packages (binaryen, Playwright, oidc-provider)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund && touch node_modules/.installed)
fi

# The tests deliver mail to a real SMTP server on loopback: aiosmtpd.
AIOSMTPD_VERSION=1.4.6
if [[ "$want" == test && "$(python3 -c 'import aiosmtpd; print(aiosmtpd.__version__)' 2>/dev/null || true)" != "$AIOSMTPD_VERSION" ]]; then
  say "installing aiosmtpd $AIOSMTPD_VERSION (the SMTP server the tests deliver to)"
  python3 -m pip install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION"
fi

# Debian's chromium for the browser tests; openssh-server, whose sshd the
# git sync's test pushes to over SSH on loopback.
if [[ "$want" == test && ( ! -x /usr/bin/chromium || ! -x /usr/sbin/sshd ) ]]; then
  say "installing Debian's chromium and openssh-server for the tests"
  sudo_cmd=""; [[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium openssh-server
fi
