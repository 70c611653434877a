#!/usr/bin/env bash
# Runs every test: native unit and data-driven tests, the wasm API in Chromium
# (wasm-bindgen-test), the page's DOM-free modules in Node, and the browser suite on the built
# single-file page and embed script.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
echo "== cargo fmt --check, cargo clippy -D warnings (native and wasm)"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
# The training programs build only with the `train` feature; check them so they cannot rot.
cargo clippy --features train --bins --quiet -- -D warnings
bash scripts/build.sh
echo "== cargo test (native)"
cargo test
echo "== wasm-bindgen tests in Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" cargo test --target wasm32-unknown-unknown --test web
echo "== page modules without a browser (node --test)"
node --test tests/js/
echo "== browser suite (node --test, playwright-core, Debian Chromium)"
node --test --test-concurrency=1 tests/browser/
