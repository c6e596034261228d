# Sourced by env.sh: `release CMD…` runs CMD (a release `trunk build` or
# `trunk serve`) with the wasm built on the preinstalled nightly, with std
# rebuilt for size, without panic locations and without `Debug` formatting
# (`{:?}` writes nothing; model/path.rs quotes odd keys itself): about 17 KB
# gzip less than stable (../shared/TOOLCHAIN.md, "Nightly, for smaller release builds").
# Panic hooks still run (no immediate-abort), which tools/e2e/panic.test.mjs
# checks on a build made the same way.
#
# Only that build sees these variables: native tests, clippy and the browser
# tests stay on stable, and the post-build hook builds the CLI on stable too.
# A config file cannot do this, since -Z flags break every stable build.
# Where the nightly is missing or another one, the build says why and stays
# on stable; FACTCARDS_STABLE=1 keeps it on stable on purpose.

FACTCARDS_NIGHTLY_VERSION="rustc 1.97.0-nightly (e50aa6fba 2026-05-19)"

# Why the release cannot use the nightly here, or nothing if it can.
nightly_missing() {
  local version sysroot
  if [ "${FACTCARDS_STABLE:-0}" = 1 ]; then echo "FACTCARDS_STABLE=1 is set"; return; fi
  version=$(rustc +nightly --version 2>/dev/null) || { echo "there is no nightly toolchain"; return; }
  if [ "$version" != "$FACTCARDS_NIGHTLY_VERSION" ]; then
    echo "the nightly is \"$version\", not the \"$FACTCARDS_NIGHTLY_VERSION\" this build was verified with"
    return
  fi
  rustup +nightly target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || { echo "the nightly lacks the wasm32-unknown-unknown target (scripts/install-tools adds it)"; return; }
  sysroot=$(rustc +nightly --print sysroot)
  [ -d "$sysroot/lib/rustlib/src/rust/library/std" ] \
    || { echo "the nightly lacks rust-src (scripts/install-tools adds it)"; return; }
}

# Puts this shell's release builds on the nightly where it can (or says why
# not): for a script that then runs only the release build (scripts/serve).
release_exports() {
  local why
  why=$(nightly_missing)
  if [ -z "$why" ]; then
    export RUSTUP_TOOLCHAIN=nightly \
      CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='-Zlocation-detail=none -Zfmt-debug=none' \
      FACTCARDS_NIGHTLY=1
  else
    printf '\033[1m[release]\033[0m building on stable, not nightly: %s (the wasm is about 17 KB gzip larger)\n' "$why" >&2
  fi
}

# `release trunk build --release --offline`: that one command on the nightly
# where it can be, the rest of the script on stable.
release() { (release_exports && "$@"); }
