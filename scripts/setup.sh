#!/usr/bin/env bash
# Installs what the build (`setup.sh build`) or the tests (`setup.sh test`) need on a fresh
# Debian machine, skipping whatever is already there. Versions come from wasm-pack.toml,
# Cargo.toml and package-lock.json.
set -euo pipefail
source "$(dirname "$0")/config.sh"
cd "$ROOT"
mode="${1:-build}"
say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Rust: the wasm target.
command -v cargo >/dev/null || { say "cargo is missing: install Rust with rustup first"; exit 1; }
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen CLI: exactly the version of the wasm-bindgen crate.
want=$(setting wasm_bindgen_cli)
crate=$(sed -nE 's/^wasm-bindgen = "=([0-9.]+)".*/\1/p' Cargo.toml)
if [ "$want" != "$crate" ]; then
  say "wasm-pack.toml pins wasm-bindgen-cli $want but Cargo.toml pins the crate at $crate: make them equal"; exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli --version $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# Node.js and the npm packages of the lockfile (wasm-opt from binaryen, playwright-core).
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
command -v gzip >/dev/null || apt_install gzip
# xz compresses the wasm the page carries (scripts/bundle.mjs).
command -v xz >/dev/null || apt_install xz-utils
# c++filt demangles the relinked wasm's function names (scripts/wasm-relocs.mjs).
command -v c++filt >/dev/null || apt_install binutils

if [ "$mode" = test ]; then
  # Debian's Chromium and its driver: for the browser suite and the wasm-bindgen tests.
  apt_install chromium chromium-driver
fi
say "ready ($mode)"
