#!/usr/bin/env bash
# Installs exactly what is missing to build, run and test WeMi, and nothing twice.
# Only package registries are used (rustup, crates.io, npm, Debian): nothing is downloaded from
# GitHub or other sites.
#
#   scripts/setup.sh run    toolchain, wasm-bindgen, Node packages: enough to build and run
#   scripts/setup.sh test   the above, plus Chromium and a PostgreSQL server for the tests
#   scripts/setup.sh dev    the above, plus cargo-leptos (watch mode; takes ~30 min to build)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

toolchain="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
export PATH="$HOME/.cargo/bin:$PATH"

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then
        apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 0. Small tools the build and test scripts call.
for tool in curl python3 gzip; do
    command -v "$tool" >/dev/null || apt_install "$tool"
done

# 1. Rust toolchain, pinned, with the WASM target.
if ! command -v rustup >/dev/null; then
    echo "rustup is required (https://rustup.rs, or Debian's rustup package)" >&2
    exit 1
fi
if ! rustup toolchain list | grep -q "^$toolchain"; then
    say "installing Rust $toolchain"
    rustup toolchain install "$toolchain" --profile minimal --component rustfmt,clippy \
        --target wasm32-unknown-unknown
fi
if ! rustup target list --installed --toolchain "$toolchain" | grep -q wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown --toolchain "$toolchain"
fi
for component in rustfmt clippy; do
    if ! rustup component list --installed --toolchain "$toolchain" | grep -q "^$component"; then
        rustup component add "$component" --toolchain "$toolchain"
    fi
done

# 2. wasm-bindgen-cli: exactly the version of the wasm-bindgen crate in Cargo.lock.
wbg_version="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
    say "installing wasm-bindgen-cli $wbg_version (about 8 minutes)"
    cargo "+$toolchain" install wasm-bindgen-cli --version "$wbg_version" --force
fi

# 3. Node packages: Bootstrap Italia, wasm-opt (binaryen), Playwright. Node itself if missing.
if ! command -v npm >/dev/null; then
    say "installing Node.js"
    apt_install nodejs npm
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing Node packages"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$mode" = test ] || [ "$mode" = dev ]; then
    # 4. Debian's Chromium for the end-to-end tests (Playwright cannot download its own here).
    if [ ! -x /usr/bin/chromium ]; then
        say "installing Chromium"
        apt_install chromium
    fi
    # 5. PostgreSQL: use the one answering on 127.0.0.1:5432, else install and start one.
    # The end-to-end script creates its databases with psql.
    command -v psql >/dev/null || apt_install postgresql-client
    if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
        if ! ls /etc/postgresql/*/main >/dev/null 2>&1 || ! command -v psql >/dev/null; then
            say "installing PostgreSQL"
            apt_install postgresql
        fi
        version="$(ls /etc/postgresql | sort -V | tail -n1)"
        hba="/etc/postgresql/$version/main/pg_hba.conf"
        # Test machines only: the test suite connects as postgres over loopback without a password.
        if ! grep -q "wemi-tests" "$hba"; then
            sed -i '1i host all postgres 127.0.0.1/32 trust # wemi-tests' "$hba"
        fi
        say "starting PostgreSQL $version"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
        for _ in $(seq 1 30); do
            (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && break
            sleep 1
        done
    fi
fi

if [ "$mode" = dev ]; then
    if ! command -v cargo-leptos >/dev/null; then
        say "installing cargo-leptos (about 30 minutes on 2 cores)"
        cargo "+$toolchain" install cargo-leptos --locked --features no_downloads
    fi
    # cargo-leptos rebuilds target/site from public/ only: give it Bootstrap Italia there
    # (ignored by git; scripts/build.sh copies and purges it by itself).
    mkdir -p public/assets/bootstrap-italia
    for part in css fonts svg; do
        rm -rf "public/assets/bootstrap-italia/$part"
        cp -r "node_modules/bootstrap-italia/dist/$part" "public/assets/bootstrap-italia/$part"
    done
fi
say "ready ($mode)"
