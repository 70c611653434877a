#!/usr/bin/env bash
# Trains the scare-quote model and writes src/quotes/scare.weights (committed; a fresh clone
# never retrains). Deterministic: the same data and code give the same bytes.
#
# Data (never a set whose score is reported: polnear-dev is not used):
#   polnear-train.quotes.jsonl from ../shared/eval/data (or $EVAL_DATA): PolNeAR v1.0.0, the
#   Political News Attribution Relations corpus (Newell, Margolin and Ruths, LREC 2018), its
#   training split (840 articles of 2016 US political news, 7 outlets) with annotated quotes.
#   The corpus's repository states no licence; it is used here for research and only learned
#   weights of hashed features (no text) are committed. Credit: PolNeAR, Edward Newell et al.
#
# Usage: scripts/train-quotes.sh [--holdout N]   (from the repository root; --holdout N keeps
# every N-th document out of training and prints its accuracy)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${EVAL_DATA:-../shared/eval/data}
polnear="$data/polnear-train.quotes.jsonl"
[ -f "$polnear" ] || { echo "train-quotes: $polnear not found (set EVAL_DATA)" >&2; exit 1; }
epochs=${EPOCHS:-6}
l2=${L2:-0.001}
cargo run --release --quiet --features train --bin train-quotes -- \
  --epochs "$epochs" --l2 "$l2" \
  --command "scripts/train-quotes.sh (EPOCHS=$epochs L2=$l2)" \
  --out src/quotes/scare.weights "$@" \
  --data "$polnear" "PolNeAR v1.0.0 training split (Newell, Margolin and Ruths, LREC 2018), 840 articles of 2016 US political news; no licence stated"
ls -l src/quotes/scare.weights
