"""Run the benchmarks, print a table and write benchmarks/RESULTS.md.

    python -m benchmarks.run            # all, in about five minutes
    python -m benchmarks.run save pdf   # some
    python -m benchmarks.run --long     # all, with the ten-minute timer soak instead of the one-minute one

Each figure is the median of at least 5 runs and is compared with the raw library doing
the same work in the same run, because these machines are noisy.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import inspect
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import Figure, machine_description  # noqa: E402

BENCHMARKS = ("startup", "save", "filecheck", "opencheck", "feed", "pdf", "memory", "timer", "library", "live")
RESULTS = Path(__file__).with_name("RESULTS.md")


def table(figures: list[Figure]) -> str:
    rows = ["| benchmark | ours | raw library | ratio | target | met |", "|---|---|---|---|---|---|"]
    for f in figures:
        rows.append(
            f"| {f.name} | {f.ours:.2f} {f.unit} | {f.baseline:.2f} {f.unit} | {f.ratio:.2f} | "
            f"{f.target} | {'yes' if f.met else 'NO'} |"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description="Run the benchmarks.")
    parser.add_argument("names", nargs="*", metavar="NAME", help="some of: " + ", ".join(BENCHMARKS))
    parser.add_argument("--long", action="store_true", help="the ten-minute timer soak instead of the one-minute one")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"no benchmark {', '.join(unknown)}; there are {', '.join(BENCHMARKS)}")
    figures, notes, took = [], [], []
    started = time.monotonic()
    for name in args.names or BENCHMARKS:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        print(f"running {name} ...", flush=True)
        began = time.monotonic()
        results = module.run(long=args.long) if "long" in inspect.signature(module.run).parameters else module.run()
        took.append(f"{name} {time.monotonic() - began:.0f} s")
        figures += results
        notes += [f"- **{f.name}**: {f.note}" for f in results if f.note]
    total = time.monotonic() - started
    text = table(figures)
    print(text)
    print(f"took {total:.0f} s ({', '.join(took)})")
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    RESULTS.write_text(
        f"# Benchmark results\n\nMeasured {stamp} on: {machine_description()}.\n\n"
        f"Run with `python -m benchmarks.run`{' --long' if args.long else ''}; it took {total:.0f} s "
        f"({', '.join(took)}). Every figure is the median of at least 5 runs; the ratio compares "
        f"studygroup with the raw library doing the same work in the same run.\n\n{text}\n\n"
        + ("## Notes\n" + "\n".join(notes) + "\n" if notes else ""),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
