#!/usr/bin/env bash
# Trains the name tagger and writes src/entities/tagger.weights (committed; a fresh clone never
# retrains). Deterministic: the same data and code give the same bytes.
#
# Data (never a set whose score is reported: gum-news and uner-ewt are not used):
#   gum-train.entities.jsonl from ../shared/eval/data (or $EVAL_DATA): the GUM corpus
#   (Zeldes 2017, github.com/amir-zeldes/gum), its openly licensed non-news genres (academic,
#   court, interviews: CC BY; biographies, travel: CC BY-SA; OpenStax textbooks: CC BY), with
#   named person/place/organization annotations under CC BY 4.0. Credit: GUM, Amir Zeldes et al.
#
# Usage: scripts/train-tagger.sh [--dev FILE]...   (from the repository root; --dev prints scores on FILE)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${EVAL_DATA:-../shared/eval/data}
gum="$data/gum-train.entities.jsonl"
[ -f "$gum" ] || { echo "train-tagger: $gum not found (set EVAL_DATA)" >&2; exit 1; }
epochs=${EPOCHS:-12}
bits=${BITS:-14}
cargo run --release --quiet --features train --bin train-tagger -- \
  --epochs "$epochs" --bits "$bits" --seed 20240607 \
  --command "scripts/train-tagger.sh (EPOCHS=$epochs BITS=$bits)" \
  --out src/entities/tagger.weights "$@" \
  --data "$gum" "GUM gum-train (99 documents: academic, court, interview, bio, voyage, textbook), annotations CC BY 4.0, texts CC BY / CC BY-SA (github.com/amir-zeldes/gum)"
ls -l src/entities/tagger.weights
echo "gzip: $(gzip -9c src/entities/tagger.weights | wc -c) bytes"
