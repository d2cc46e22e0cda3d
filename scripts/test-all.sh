#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what it needs, then static checks, unit tests (today
# and again 400 days ahead), the production build (with the bundle budget), and Playwright against
# the demo and real clusters.
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
# The same unit tests with the clock 400 days ahead: a test that reads the wall clock instead of
# setting it fails today, not on the day the calendar passes a timestamp it recorded.
# FAKETIME_DONT_FAKE_MONOTONIC=1 moves only the date. By default libfaketime shifts CLOCK_MONOTONIC
# as well and rewrites the deadlines of pthread_cond_timedwait/clockwait, which Node (libuv, V8's
# worker threads) waits on with the monotonic clock; libfaketime's issues #142 and #469 (0.9.10,
# Debian's version) are hangs there. Timers and elapsed-time checks keep the real monotonic clock.
step "unit tests, clock 400 days ahead"
FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f '+400d' npx vitest run
step "build";      npm run --silent build
step "end-to-end (demo and real clusters)"; npx playwright test "$@"

printf '\nAll tests passed in %d min %d s\n' $((SECONDS / 60)) $((SECONDS % 60))
