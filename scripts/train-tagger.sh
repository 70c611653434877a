#!/usr/bin/env bash
# Trains the name tagger and writes src/entities/tagger.weights (committed; a fresh clone never
# retrains). Deterministic: the same data and code give the same bytes.
#
# Data, from ../shared/eval/data (or $EVAL_DATA); never a set whose score is reported
# (gum-news and uner-ewt are not read):
#   * gum-train.entities.jsonl: the GUM corpus (Zeldes 2017, github.com/amir-zeldes/gum), its
#     openly licensed non-news genres (academic, court, interviews: CC BY; biographies, travel:
#     CC BY-SA; OpenStax textbooks: CC BY), with person/place/organization annotations under
#     CC BY 4.0. Credit: GUM, Amir Zeldes et al.
#   * polnear-train.quotes.jsonl: the texts only, as unlabeled news (PolNeAR, Newell, Margolin
#     and Ruths, LREC 2018; 840 articles of 2016). A first model trained on GUM finds their
#     names with the whole entity stage; the final model learns from GUM plus those names.
#     Neither the texts nor their names are kept in the repository.
#
# Usage: scripts/train-tagger.sh [--dev FILE]...   (from the repository root; --dev prints the
# tagger's own scores on an annotated file, a development aid)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${EVAL_DATA:-../shared/eval/data}
gum="$data/gum-train.entities.jsonl"
news="$data/polnear-train.quotes.jsonl"
for f in "$gum" "$news"; do
  [ -f "$f" ] || { echo "train-tagger: $f not found (set EVAL_DATA)" >&2; exit 1; }
done
epochs=12
bits=14
cargo run --release --quiet --features train --bin train-tagger -- \
  --epochs "$epochs" --bits "$bits" --seed 20240607 \
  --command "scripts/train-tagger.sh (cargo run --release --features train --bin train-tagger; epochs $epochs, bits $bits)" \
  --out src/entities/tagger.weights "$@" \
  --data "$gum" "GUM gum-train (99 documents: academic, court, interview, bio, voyage, textbook; github.com/amir-zeldes/gum): annotations CC BY 4.0, texts CC BY / CC BY-SA" \
  --unlabeled "$news" "PolNeAR polnear-train texts (840 news articles of 2016; Newell, Margolin and Ruths, LREC 2018), unlabeled"
ls -l src/entities/tagger.weights
echo "gzip: $(gzip -9c src/entities/tagger.weights | wc -c) bytes"
