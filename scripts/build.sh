#!/usr/bin/env bash
# Builds the site: the WASM islands bundle (always optimized: it is what phones download),
# the static files, and the server binary. Plain cargo + wasm-bindgen + wasm-opt, the same
# layout cargo-leptos produces (target/site, /pkg/wemi.{js,wasm,css}), so CI needs no
# cargo-leptos.
#
#   scripts/build.sh [debug|release]     the server's profile (default debug)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
profile="${1:-debug}"
site="$LEPTOS_SITE_ROOT"
pkg="$site/pkg"

echo "build: WASM bundle"
cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release
mkdir -p "$pkg"
wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name wemi \
    target/wasm32-unknown-unknown/wasm-release/frontend.wasm
# Named as cargo-leptos names it, which is what Leptos' hydration script asks for.
mv -f "$pkg/wemi_bg.wasm" "$pkg/wemi.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types \
    -o "$pkg/wemi.opt.wasm" "$pkg/wemi.wasm"
mv -f "$pkg/wemi.opt.wasm" "$pkg/wemi.wasm"

echo "build: static files"
cp style/main.css "$pkg/wemi.css"
cp -r public/. "$site/"
bi="node_modules/bootstrap-italia/dist"
mkdir -p "$site/assets/bootstrap-italia"
for part in css fonts svg; do
    rm -rf "$site/assets/bootstrap-italia/$part"
    cp -r "$bi/$part" "$site/assets/bootstrap-italia/$part"
done
rm -f "$site"/assets/bootstrap-italia/css/*.map
# Only the Bootstrap Italia rules and icons the portal uses (see purgecss.config.cjs).
purgecss --config purgecss.config.cjs --output "$site/assets/bootstrap-italia/css/"
python3 scripts/subset-sprites.py "$bi/svg/sprites.svg" "$site/assets/bootstrap-italia/svg/sprites.svg" \
    app/src migrations
# Precompressed twins, served by the server when the browser accepts them.
find "$site" -type f \( -name '*.js' -o -name '*.wasm' -o -name '*.css' -o -name '*.svg' \
    -o -name '*.html' -o -name '*.webmanifest' \) -print0 |
    while IFS= read -r -d '' f; do gzip -9 -k -f "$f"; done

echo "build: server ($profile)"
if [ "$profile" = release ]; then
    cargo build -p server --release
else
    cargo build -p server
fi
raw=$(stat -c %s "$pkg/wemi.wasm"); gz=$(stat -c %s "$pkg/wemi.wasm.gz")
echo "build: done — wemi.wasm ${raw} bytes raw, ${gz} bytes gzip"
