#!/bin/sh
# Every benchmark of docs/benchmarks.md in one command: bench/run.sh [build directory]
# Configures a Release (-O2) build with the benchmarks on, then prints the include-cost, lookup,
# allocation, size and JSON-adapter tables. Needs cmake, ninja, g++, clang++, catch2,
# libboost-system-dev, python3 and the JSON libraries of tests/debian-packages.txt.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DTRACKINGMORE_STATUS_BENCHMARKS=ON -DTRACKINGMORE_STATUS_TESTS=OFF \
  -DTRACKINGMORE_STATUS_EXAMPLES=OFF -DTRACKINGMORE_STATUS_TOOLS=OFF >/dev/null
cmake --build "$build" -j2 >/dev/null
echo "$(uname -m), $(nproc) cores, $(${CXX:-c++} --version | head -n 1)"

printf '\n## Include cost\n\n'
python3 bench/include_cost.py

printf '\n## Lookup and classification\n\n'
python3 bench/lookup_report.py "$build/bench/trackingmore_lookup_bench"

printf '\n## Heap allocations\n\n'
"$build/bench/trackingmore_allocations"

printf '\n## Size (-O2, bytes)\n\n| program | .text | .rodata | text + rodata |\n|---|--:|--:|--:|\n'
for program in classify_by_hand classify_with_library; do
  size -A "$build/bench/$program" | awk -v name="$program" '
    $1 == ".text" { text = $2 } $1 == ".rodata" { rodata = $2 }
    END { printf "| %s | %d | %d | %d |\n", name, text, rodata, text + rodata }'
done

printf '\n## JSON adapters\n\n'
"$build/bench/trackingmore_json_bench" tests/data/bodies/v4_get_trackings_large.json
# Instructions per read of the same table, from callgrind: the same on every run, whatever else the
# machine runs. Each figure: (COUNT reads - none) / COUNT.
if command -v valgrind >/dev/null; then
  refs() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$build/bench/trackingmore_json_bench" \
      --read "$1" "$2" "$3" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,
  }
  printf '\n## JSON adapters: instructions per read (callgrind)\n\n'
  printf '| library | read of the parsed 300-byte error body | instructions | ratio to by hand |\n'
  printf '|---|---|--:|--:|\n'
  for library in nlohmann/json Boost.JSON RapidJSON JsonCpp simdjson; do
    reads="hand adapter"
    case $library in RapidJSON | simdjson) reads="hand hand-last adapter" ;; esac
    hand=""
    for read in $reads; do
      n=$((($(refs "$library" "$read" 100000) - $(refs "$library" "$read" 0)) / 100000))
      [ -n "$hand" ] || hand=$n
      echo "$library $read $n $hand" | awk '{ printf "| %s | %s | %d | %.2f |\n", $1, $2, $3, $3 / $4 }'
    done
  done
fi
if [ -x "$build/bench/trackingmore_redis_bench" ]; then
  printf '\n## Pacing through Redis (loopback)\n\n'
  "$build/bench/trackingmore_redis_bench"
fi
