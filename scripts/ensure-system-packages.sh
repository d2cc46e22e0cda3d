#!/usr/bin/env bash
# Debian packages the test suite drives for real: Chromium (browser tests), nginx (the example
# reverse-proxy config), Prometheus, ZooKeeper (Flink high availability) and faketime (the unit
# tests run a second time with the clock 400 days ahead). Installed only when missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# Prometheus (metric history tests scrape the real Flink cluster's Prometheus reporter)
command -v prometheus >/dev/null 2>&1 || [ -x /usr/bin/prometheus ] || missing+=(prometheus)
# ZooKeeper for Flink's high-availability failover tests (started by the tests on a free port)
[ -f /usr/share/java/zookeeper.jar ] || missing+=(zookeeper)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends "${missing[@]}" \
  || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; }
# The packages start a system nginx on port 80 and a system Prometheus on 9090; the tests start their own.
$SUDO service nginx stop >/dev/null 2>&1 || true
$SUDO service prometheus stop >/dev/null 2>&1 || true
$SUDO service zookeeper stop >/dev/null 2>&1 || true
