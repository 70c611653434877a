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
# scripts/bundle.mjs zeroes the constants that only the page's panics used. And the link's
# inputs (--reproduce: the object rustc's LTO made and the linker's arguments), linked again
# below with its relocations.
linked=target/wasm32-unknown-unknown/wasm/storyscope
remap+=("'-C'" "'link-arg=--Map=$ROOT/$linked.map'" "'-C'" "'link-arg=--reproduce=$ROOT/$linked.repro.tar'")
rustflags=$(IFS=,; echo "${remap[*]}")
cargo build --profile wasm --target wasm32-unknown-unknown --lib \
  --config "target.wasm32-unknown-unknown.rustflags=[$rustflags]"
# The same link again with its relocations (--emit-relocs: where each function's table index
# and each constant's address is written; wasm-ld then lays the strings out unmerged, so this
# module is read, not shipped), from which scripts/bundle.mjs finds the table entries the page's
# wasm cannot call (scripts/wasm-relocs.mjs). The last -o and --Map given win.
rm -rf "$linked.relink" && mkdir -p "$linked.relink"
tar -xf "$linked.repro.tar" -C "$linked.relink"
lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
(cd "$linked.relink"/*/ && "$lld" -flavor wasm @response.txt --emit-relocs -o "$ROOT/$linked.relocs.wasm" --Map="$ROOT/$linked.relocs.map")
rm -rf "$linked.relink"
mkdir -p "$out"
wasm-bindgen --target "$(setting wasm_bindgen_target)" --no-typescript --out-dir "$out" \
  "$linked.wasm"
# The whole API, optimized (the tests, the bench and other hosts load it), beside the bundler,
# which makes and optimizes the page's own wasm from the same output (scripts/bundle.mjs).
# shellcheck disable=SC2046
"$wasm_opt" $(setting wasm_opt_flags) "$out/storyscope_bg.wasm" -o "$out/storyscope_bg.opt.wasm" &
whole=$!
node scripts/bundle.mjs "$out/storyscope.js" "$out/storyscope_bg.wasm" target/wasm32-unknown-unknown/wasm/storyscope.map || { wait "$whole"; exit 1; }
wait "$whole"
