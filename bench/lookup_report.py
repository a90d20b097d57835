#!/usr/bin/env python3
"""Runs the Catch2 lookup benchmarks several times and prints one Markdown table.

Catch2 reports a bootstrapped mean per benchmark and run; this takes the median of those means
over the runs, their min-max, and the ratio to the floor of the same group (the row marked
"(floor)": a hand-written switch, or what the group's target is measured against).
"""
import argparse
import statistics
import subprocess
import xml.etree.ElementTree as ET


def run_once(binary, samples, test_case):
    command = [binary, "--reporter", "xml", "--benchmark-samples", str(samples)]
    xml = subprocess.run(command + ([test_case] if test_case else []),
                         check=True, capture_output=True, text=True).stdout
    return {b.get("name"): float(b.find("mean").get("value"))
            for b in ET.fromstring(xml).iter("BenchmarkResults")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--test-case", help="only this Catch2 test case (e.g. client)")
    args = parser.parse_args()
    results = {}
    for _ in range(args.runs):
        for name, mean in run_once(args.binary, args.samples, args.test_case).items():
            results.setdefault(name, []).append(mean)
    floors = {name.split(":")[0]: statistics.median(t) for name, t in results.items()
              if name.endswith("(floor)")}
    print(f"{args.runs} runs of {args.samples} samples; ns per response: median of the runs' means "
          "(min-max); ratio: median / the group's floor\n")
    print("| benchmark | ns per call | min-max | ratio to floor |")
    print("|---|--:|--:|--:|")
    for name, times in results.items():
        median = statistics.median(times)
        floor = floors[name.split(":")[0]]
        print(f"| {name} | {median:.2f} | {min(times):.2f}-{max(times):.2f} | {median / floor:.2f} |")


if __name__ == "__main__":
    main()
