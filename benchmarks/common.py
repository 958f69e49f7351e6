"""Shared helpers for the benchmarks: medians, percentiles, and the machine's description."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from dataclasses import dataclass


@dataclass
class Figure:
    """One measured figure, ours against the raw library in the same run."""

    name: str
    ours: float
    baseline: float
    unit: str
    target: str
    met: bool
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = "not installed"
    import sqlite3

    import reportlab

    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores; Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version}, PySide6 {qt}, reportlab {reportlab.Version}"
    )
