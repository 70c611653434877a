#!/usr/bin/env bash
# `make bench`: speed and size, reported, never asserted.
#   1. extraction: native and wasm in Chromium (with chrono-node and compromise as peers), stage
#      shares and peak memory, on the seeds-built corpus and on unseen news (scripts/bench-extract.mjs);
#   2. assembling 300 kept parts against extracting them afresh (examples/assemble.rs);
#      scaling: each pathological pattern grown 8x (scripts/scaling.mjs);
#   3. dist sizes and the page's queries on a 10,000-article corpus (scripts/bench.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin storyscope
echo "== extraction"
node scripts/bench-extract.mjs "$@"
echo "== assembling 300 kept articles (what adding, removing or hiding one costs the page)"
cargo build --release --quiet --example assemble
for corpus in target/bench/corpus-unseen-news target/bench/corpus-seeds; do
  [ -d "$corpus" ] && ./target/release/examples/assemble "$corpus" 300 && break
done
echo "== scaling (8x the input should cost at most 10x the time)"
node scripts/scaling.mjs
echo "== sizes and queries"
node scripts/bench.mjs
