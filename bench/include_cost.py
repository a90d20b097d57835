#!/usr/bin/env python3
"""Include cost of trackingmore/status.hpp against its floor, side by side.

For each compiler and standard, compiles one-line translation units with -fsyntax-only, in
alternating order, and prints a Markdown table: the median CPU time (user + sys of the compiler
driver and its front end) with min-max over the runs, the ratio to the floor, and the
preprocessed line count (-E -P). CPU time, not wall time: other jobs on a shared machine delay a
compiler far more than they slow it.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (row label, translation unit); the first row is the floor every ratio is taken against.
ROWS = [
    ("floor: `<system_error>`", "#include <system_error>\n"),
    ("`trackingmore/status.hpp`", "#include <trackingmore/status.hpp>\n"),
    ("`<system_error>` + `<chrono>`", "#include <system_error>\n#include <chrono>\n"),
    ("Boost.System `boost/system/error_code.hpp`", "#include <boost/system/error_code.hpp>\n"),
]


def cpu_seconds(command):
    """Runs `command` and returns the CPU seconds it and its children spent."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stderr}")
    return usage.ru_utime + usage.ru_stime


def preprocessed_lines(compiler, std, include, source):
    text = subprocess.run([compiler, f"-std={std}", "-I", include, "-E", "-P", source],
                          check=True, capture_output=True, text=True).stdout
    return text.count("\n")


def measure(compiler, std, include, sources, runs):
    flags = [f"-std={std}", "-I", include, "-fsyntax-only"]
    times = [[] for _ in sources]
    for i in range(len(sources)):  # warm the file cache
        cpu_seconds([compiler, *flags, sources[i]])
    for run in range(runs):
        # Alternate: each run starts at the next row, so no row always follows the same one.
        order = [(run + k) % len(sources) for k in range(len(sources))]
        for i in order:
            times[i].append(cpu_seconds([compiler, *flags, sources[i]]))
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs per row (default 21)")
    parser.add_argument("--compilers", nargs="+", default=["g++", "clang++"])
    parser.add_argument("--stds", nargs="+", default=["c++17", "c++20"])
    parser.add_argument("--include", default=str(ROOT / "include"),
                        help="the directory holding trackingmore/status.hpp")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        sources = []
        for n, (_, text) in enumerate(ROWS):
            source = Path(work, f"tu{n}.cpp")
            source.write_text(text)
            sources.append(str(source))
        print(f"{args.runs} alternating runs per row; time: median CPU ms (min-max); "
              "ratio: median / floor median\n")
        print("| compiler | std | translation unit includes | lines (-E -P) | time ms | min-max | ratio |")
        print("|---|---|---|--:|--:|--:|--:|")
        for compiler in args.compilers:
            if shutil.which(compiler) is None:
                print(f"| {compiler} | | not installed | | | | |")
                continue
            version = subprocess.run([compiler, "-dumpversion"], capture_output=True,
                                     text=True).stdout.strip()
            for std in args.stds:
                times = measure(compiler, std, args.include, sources, args.runs)
                floor = statistics.median(times[0])
                for (label, _), source, t in zip(ROWS, sources, times):
                    lines = preprocessed_lines(compiler, std, args.include, source)
                    median = statistics.median(t)
                    print(f"| {compiler} {version} | {std} | {label} | {lines} | "
                          f"{median * 1000:.0f} | {min(t) * 1000:.0f}-{max(t) * 1000:.0f} | "
                          f"{median / floor:.2f} |", flush=True)


if __name__ == "__main__":
    main()
