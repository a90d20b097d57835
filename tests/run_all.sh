#!/bin/sh
# The README's test commands. Installs the Debian packages a run needs (only those missing), then
# configures, builds and runs it through a CMake workflow preset:
#   tests/run_all.sh          the default suite ("default" preset; tests/debian-packages.txt)
#   tests/run_all.sh --full   everything, as CI (.ci/run) runs it ("full" preset; also
#                             tests/debian-packages-full.txt): the default suite, the compiler
#                             matrix, sanitizers, static analysis, fuzzing and Catch2 3
set -eu
cd "$(dirname "$0")/.."
case "${1-}" in
  "") preset=default lists=tests/debian-packages.txt ;;
  --full) preset=full lists="tests/debian-packages.txt tests/debian-packages-full.txt" ;;
  *)
    echo "usage: tests/run_all.sh [--full]" >&2
    exit 2
    ;;
esac
missing=""
# A package counts as installed when an installed package provides it too (npm with NodeSource's
# nodejs, which conflicts with Debian's npm).
provided=$(dpkg-query -W -f='${db:Status-Abbrev} ${Provides}\n' | sed -n 's/^ii  *//p' | tr ',' '\n')
# shellcheck disable=SC2086 # one word per file
for package in $(sed 's/#.*//' $lists); do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' ||
    printf '%s\n' "$provided" | grep -q "^ *$package\( \|$\)" ||
    missing="$missing $package"
done
if [ -n "$missing" ]; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root=sudo
  $as_root apt-get update
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y $missing
fi
cmake --workflow --preset "$preset"
