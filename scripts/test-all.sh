#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what it needs, then static checks, unit tests,
# the production build (with the bundle budget), and Playwright against the demo and real clusters.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m (%s)\n' "$1" "$(date +%T)"; }
SECONDS=0

step "dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi
bash scripts/ensure-system-packages.sh

step "typecheck";  npm run --silent typecheck
step "lint";       npm run --silent lint
step "unit tests"; npx vitest run
step "build";      npm run --silent build
step "end-to-end (demo and real clusters)"; npx playwright test "$@"

printf '\nAll tests passed in %d min %d s\n' $((SECONDS / 60)) $((SECONDS % 60))
