#!/usr/bin/env bash
# Installs the Debian packages the integration tests drive (a headless browser for the dashboard test,
# a compose-file validator for docker/), when they are missing. Runs as part of `mvn verify`.
# Without root or apt-get it only reports what is missing; the tests that need a tool then fail with
# a message naming it.
set -euo pipefail
missing=()
for spec in "$@"; do
  pkg="${spec%%:*}"
  cmd="${spec#*:}"
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing test tools: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "test tools missing and cannot be installed here (needs root and apt-get): ${missing[*]}" >&2
fi
