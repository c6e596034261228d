# Sourced by the scripts: puts the pinned tools first on PATH. Trunk takes the
# first wasm-opt on PATH, and it must be npm binaryen 132 (tools/), not
# Debian's /usr/bin/wasm-opt, which cannot read what wasm-bindgen emits.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
# `release trunk build --release --offline`: the release wasm on nightly.
source "$ROOT/scripts/nightly.sh"
