# Reads the build settings of wasm-pack.toml (see the comment at its top). Source it, then call
# `setting KEY` for the value of `KEY = "value"` or `KEY = number`.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
setting() {
  local value
  value=$(sed -nE "s/^$1[[:space:]]*=[[:space:]]*\"?([^\"#]*)\"?.*$/\1/p" "$ROOT/wasm-pack.toml" | head -n 1)
  if [ -z "$value" ]; then echo "wasm-pack.toml: no setting '$1'" >&2; return 1; fi
  printf '%s\n' "${value%"${value##*[![:space:]]}"}"
}
