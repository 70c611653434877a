#!/usr/bin/env bash
# Extraction throughput, natively and in wasm, on a generated corpus of >= 10 MB, plus the
# sizes of the distributables. A benchmark, not a test: it reports numbers, asserts none.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin storyscope
node scripts/bench.mjs "$@"
