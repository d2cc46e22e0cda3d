#!/usr/bin/env bash
# Debian's Chromium drives the browser tests; a browser download by the test tool is never used.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing Debian's chromium and chromium-driver…"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver \
  || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends chromium chromium-driver; }
