#!/bin/sh
# Installs the Debian packages the tests need (only those missing), then configures, builds and runs
# every test through the "default" CMake workflow preset. This is the README's test command.
set -eu
cd "$(dirname "$0")/.."
missing=""
for package in $(sed 's/#.*//' tests/debian-packages.txt); do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' ||
    missing="$missing $package"
done
if [ -n "$missing" ]; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root=sudo
  $as_root apt-get update
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y $missing
fi
cmake --workflow --preset default
