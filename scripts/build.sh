#!/usr/bin/env bash
# Builds the distributables: the Rust core to wasm (the `wasm` profile: opt-level "z" for size), wasm-bindgen's
# classic-script glue, wasm-opt from npm's binaryen, then scripts/bundle.mjs makes the page's
# wasm (the exports its worker calls) and inlines it all into
# dist/storyscope.html (one self-contained page) and dist/storyscope-embed.js.
set -euo pipefail
source "$(dirname "$0")/config.sh"
cd "$ROOT"
out=target/wasm-bindgen
wasm_opt=node_modules/.bin/wasm-opt
[ -x "$wasm_opt" ] || { echo "build: $wasm_opt is missing; run scripts/setup.sh" >&2; exit 1; }

# Panic locations name their source file; a crate from the registry would carry its full path
# ($CARGO_HOME/registry/src/index.crates.io-<hash>/jiff-0.2.43/src/…, 56 bytes of prefix per file):
# cut to the crate's own folder (page -0.17 KiB gzip). The standard library's files keep
# /rustc/<commit>/library/…: they were named when std was built, and no flag here renames them.
# The flags add to .cargo/config.toml's (cargo joins the lists); the native build is untouched.
remap=()
shopt -s nullglob
for dir in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do remap+=("'--remap-path-prefix=$dir='"); done
shopt -u nullglob
# The linker's map of the wasm (each constant of the static data with its address and size):
# scripts/bundle.mjs zeroes the constants that only the page's panics used.
remap+=("'-C'" "'link-arg=--Map=$ROOT/target/wasm32-unknown-unknown/wasm/storyscope.map'")
rustflags=$(IFS=,; echo "${remap[*]}")
cargo build --profile wasm --target wasm32-unknown-unknown --lib \
  --config "target.wasm32-unknown-unknown.rustflags=[$rustflags]"
mkdir -p "$out"
wasm-bindgen --target "$(setting wasm_bindgen_target)" --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm/storyscope.wasm
# The whole API, optimized (the tests, the bench and other hosts load it), beside the bundler,
# which makes and optimizes the page's own wasm from the same output (scripts/bundle.mjs).
# shellcheck disable=SC2046
"$wasm_opt" $(setting wasm_opt_flags) "$out/storyscope_bg.wasm" -o "$out/storyscope_bg.opt.wasm" &
whole=$!
node scripts/bundle.mjs "$out/storyscope.js" "$out/storyscope_bg.wasm" target/wasm32-unknown-unknown/wasm/storyscope.map || { wait "$whole"; exit 1; }
wait "$whole"
