#!/usr/bin/env bash
# Installs the browser tests' node modules (playwright-core) into DIR from the
# committed lockfile with `npm ci`; skipped when DIR already holds exactly
# that lockfile's install. Usage: npm_ci.sh SOURCE_DIR DIR
set -euo pipefail
src=$1
dir=$2
mkdir -p "$dir"
if cmp -s "$src/package-lock.json" "$dir/installed-package-lock.json" && [ -d "$dir/node_modules" ]; then
  exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --ignore-scripts
cp package-lock.json installed-package-lock.json
