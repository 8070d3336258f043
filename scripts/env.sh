# Sourced by the other scripts: puts the installed tools on PATH.
# wasm-opt (npm binaryen) and Playwright live in end2end/node_modules/.bin.
SIGPOST_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$SIGPOST_ROOT/end2end/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Playwright must use Debian's Chromium and never try to download its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
