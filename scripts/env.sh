# Shared settings for building, running and testing. Sourced by the other scripts.
# The same LEPTOS_* values at every build, so cargo never rebuilds Leptos for a changed
# environment (leptos reads LEPTOS_OUTPUT_NAME at compile time to name the WASM file).
export LEPTOS_OUTPUT_NAME=wemi
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export LEPTOS_SITE_PKG_DIR=pkg
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The toolchain pinned in rust-toolchain.toml (automatic installs are off on these machines).
export RUSTUP_TOOLCHAIN="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
# A CI run builds once from scratch: incremental artefacts would only cost disk and time.
if [ "${CI:-}" = "true" ]; then
    export CARGO_INCREMENTAL=0
fi
