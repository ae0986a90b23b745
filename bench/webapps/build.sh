#!/usr/bin/env bash
# Build one of the old React apps into /tmp/webapps/<app>/dist with d3 served locally.
# Usage: build.sh <commit> <api-origin>   e.g. build.sh d67994b http://127.0.0.1:18101
# Reuses an existing build when its recorded API origin matches (delete /tmp/webapps/<commit> to force).
set -euo pipefail
commit="$1"; origin="$2"
src_tar="${WEBAPPS_DIR:-$(dirname "$0")/../../../shared/webapps}/react-frontend-$commit.tar.gz"
work=/tmp/webapps/src
out=/tmp/webapps/$commit
mkdir -p "$work" "$out"
if [[ -f "$out/dist/index.html" && "$(cat "$out/origin" 2>/dev/null)" == "$origin" ]]; then
  echo "[build] $commit: reusing $out/dist (built for $origin)"; exit 0
fi
if [[ ! -d "$work/react-frontend-$commit/node_modules" ]]; then
  rm -rf "$work/react-frontend-$commit"
  tar -xzf "$src_tar" -C "$work"
  (cd "$work/react-frontend-$commit" && npm ci --no-audit --no-fund >"$out/npm-ci.log" 2>&1) \
    || { echo "[build] npm ci failed, see $out/npm-ci.log"; exit 1; }
fi
cd "$work/react-frontend-$commit"
rm -rf "$out/dist"
VITE_API_BASE_URL="$origin" npx --no-install vite build --outDir "$out/dist" --emptyOutDir >"$out/vite-build.log" 2>&1 \
  || { echo "[build] vite build failed, see $out/vite-build.log"; tail -20 "$out/vite-build.log"; exit 1; }
cp node_modules/d3/dist/d3.min.js "$out/dist/d3.v7.min.js"
sed -i 's#https://d3js.org/d3.v7.min.js#/d3.v7.min.js#' "$out/dist/index.html"
grep -q '/d3.v7.min.js' "$out/dist/index.html" || { echo "[build] could not point index.html at local d3"; exit 1; }
echo "$origin" >"$out/origin"
echo "[build] $commit: built $out/dist for $origin"
