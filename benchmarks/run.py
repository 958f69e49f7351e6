"""Run the benchmarks, print a table and write benchmarks/RESULTS.md.

    python -m benchmarks.run            # all
    python -m benchmarks.run save pdf   # some

Each figure is the median of at least 5 runs and is compared with the raw library doing
the same work in the same run, because these machines are noisy.
"""

from __future__ import annotations

import datetime
import importlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import Figure, machine_description  # noqa: E402

BENCHMARKS = ("startup", "save", "filecheck", "opencheck", "feed", "pdf", "memory", "timer", "library")
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
    chosen = argv or list(BENCHMARKS)
    figures, notes = [], []
    for name in chosen:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        print(f"running {name} ...", flush=True)
        results = module.run()
        figures += results
        notes += [f"- **{f.name}**: {f.note}" for f in results if f.note]
    text = table(figures)
    print(text)
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    RESULTS.write_text(
        f"# Benchmark results\n\nMeasured {stamp} on: {machine_description()}.\n\n"
        f"Run with `python -m benchmarks.run`. Every figure is the median of at least 5 runs; the ratio compares "
        f"studygroup with the raw library doing the same work in the same run.\n\n{text}\n\n"
        + ("## Notes\n" + "\n".join(notes) + "\n" if notes else ""),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
