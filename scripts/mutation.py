"""Mutation testing of the core with mutmut, one module at a time on one worker, then the score per module.

    python scripts/mutation.py                  # every module below, from a fresh mutants/ folder
    python scripts/mutation.py clock summary    # only these (short names), keeping the others' last results
    python scripts/mutation.py --report         # print the scores of the last run, running nothing
    python scripts/mutation.py --report --survivors   # ... and name each surviving mutant (see: mutmut show NAME)

A surviving mutant that only changes the case of SQL keywords and names (SQLite ignores it) is counted as
equivalent: it is left out of the score and counted on its own.

The settings (which files, which tests) are in setup.cfg [mutmut]; docs/testing.md records the scores.
mutmut works in ./mutants, a scratch copy of the package and the tests.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
MODULES = {
    # The store is one Store object whose methods live by table: its core is these three files.
    "store": "studygroup/storage/store.py",
    "session_rows": "studygroup/storage/session_rows.py",
    "note_rows": "studygroup/storage/note_rows.py",
    "bundle": "studygroup/exchange/bundle.py",
    "bundle_check": "studygroup/exchange/bundle_check.py",
    "records": "studygroup/records.py",
    "clock": "studygroup/clock.py",
    "summary": "studygroup/summary.py",
    "textsafe": "studygroup/export/textsafe.py",
}
# A failing test; a timeout (the mutant hung: SIGXCPU, then SIGKILL at mutmut's CPU limit); the type checker.
KILLED = {1, 3, 24, -24, 36, 37, 152, 255, -9}
SURVIVED = 0
NOT_KILLED = {SURVIVED: "survived", 5: "no tests", 33: "no tests", None: "not run"}  # anything else: suspicious
TARGET = 80.0  # per cent of each module's mutants killed
MEMORY_CAP = 4 << 30  # bytes of address space: a mutant that reads an endless stream fails, not the machine


def mutant_glob(path: str) -> str:
    """mutmut names a mutant after its module: studygroup.clock.x_countdown_text__mutmut_3."""
    return path.removesuffix(".py").replace("/", ".") + ".*"


def run_module(path: str, workers: int) -> None:
    """Run mutmut on one module's mutants, by default with a single worker (the machine is shared)."""
    command = [sys.executable, "-m", "mutmut", "run", "--max-children", str(workers), mutant_glob(path)]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=False, stdout=subprocess.DEVNULL, preexec_fn=_cap_memory)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def results(path: str) -> dict[str, int | None]:
    """Mutant name -> mutmut's exit code for it (None: not run), from mutants/<path>.meta."""
    meta = MUTANTS / (path + ".meta")
    if not meta.exists():
        return {}
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def _mutant_order(name: str) -> tuple[str, int]:
    stem, _, number = name.rpartition("__mutmut_")
    return stem, int(number)


def describe(path: str, name: str) -> tuple[str, str, str]:
    """(file:line, the line before, the line after) of one mutant, from `mutmut show`."""
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name], cwd=ROOT, capture_output=True, text=True
    ).stdout.splitlines()
    removed = [line[1:].strip() for line in shown if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in shown if line.startswith("+") and not line.startswith("+++")]
    function = name.rpartition("__mutmut_")[0].rpartition(".")[2].removeprefix("x_").split("\u01c1")[-1]
    source = (ROOT / path).read_text(encoding="utf-8").splitlines()
    start = next((n for n, line in enumerate(source) if f"def {function}(" in line), 0)
    first = removed[0] if removed else ""
    number = next((n for n in range(start, len(source)) if first and source[n].strip() == first), start)
    return f"{path}:{number + 1}", " ".join(removed), " ".join(added)


# A single-quoted SQL text with a letter in it ('idea'): its case matters, unlike keywords and names.
_SQL_TEXT_LITERAL = re.compile(r"'[^']*[A-Za-z][^']*'")
_SQL_KEYWORD = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|SET|AND|ORDER BY|VALUES|JOIN|LIMIT)\b")
# A line of an upsert's SET list ("title=excluded.title, ...") or of a column list ("current_phase, running_since").
_SQL_COLUMNS = re.compile(r"""^["' (]*[a-z_]+(=excluded\.[a-z_]+)?(, *[a-z_]+(=excluded\.[a-z_]+)?)+[ ,)"']*$""")


def is_equivalent(before: str, after: str) -> bool:
    """A mutant no test can kill: only the case of SQL keywords and names changed, which SQLite ignores.

    Only in SQL (an upper-case keyword on the line, or a list of column names); the case of a sentence
    for the user matters.
    """
    same_but_case = before != after and before.lower() == after.lower()
    is_sql = bool(_SQL_KEYWORD.search(before) or _SQL_COLUMNS.match(before)) or "=excluded." in before
    return same_but_case and is_sql and not _SQL_TEXT_LITERAL.search(before)


def score_line(short: str, codes: dict[str, int | None], equivalent: int) -> tuple[str, bool]:
    """The module's line: killed of the mutants that can be killed (all but the equivalent ones)."""
    killable = len(codes) - equivalent
    killed = sum(1 for code in codes.values() if code in KILLED)
    survived = sum(1 for code in codes.values() if code == SURVIVED) - equivalent
    other = killable - killed - survived  # no test reaches it, not run, or suspicious
    percent = 100.0 * killed / killable if killable else 0.0
    line = (
        f"{short:<14} {killed:>5} / {killable:<5} {percent:5.1f} %   survived {survived:>4}   other {other:>3}"
        f"   equivalent {equivalent:>3}"
    )
    return line, percent >= TARGET


def module_report(short: str, list_survivors: bool) -> bool:
    """Print one module's score (and its surviving mutants); True when it meets the target."""
    path = MODULES[short]
    codes = results(path)
    survivors = []
    equivalent = 0
    for name, code in sorted(codes.items(), key=lambda item: _mutant_order(item[0])):
        if code in KILLED:
            continue
        where, before, after = describe(path, name) if code == SURVIVED else (path, "", "")
        if code == SURVIVED and is_equivalent(before, after):
            equivalent += 1
            continue
        survivors.append((where, NOT_KILLED.get(code, "suspicious"), name.rpartition(".")[2], before, after))
    line, met = score_line(short, codes, equivalent)
    print(line + ("" if met else f"   below {TARGET:.0f} %"))
    if list_survivors:
        for where, status, name, before, after in survivors:
            print(f"    {where}  {status}  {name}")
            if before or after:
                print(f"        - {before}\n        + {after}")
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"short module names: {', '.join(MODULES)} (default: all)")
    parser.add_argument("--report", action="store_true", help="only print the scores of the last run")
    parser.add_argument("--survivors", action="store_true", help="also list the surviving mutants")
    parser.add_argument("--workers", type=int, default=1, help="mutants tested at once (default 1)")
    args = parser.parse_args(argv)
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module {unknown[0]!r}; the modules are {', '.join(MODULES)}")
    chosen = args.modules or list(MODULES)
    if not args.report:
        if not args.modules:
            shutil.rmtree(MUTANTS, ignore_errors=True)  # a full run starts clean: no stale mutants or test map
        for short in chosen:
            run_module(MODULES[short], args.workers)
    version = importlib.metadata.version("mutmut")
    print(f"\nmutmut {version}, {datetime.date.today().isoformat()}: mutants killed by tests/core per module")
    all_met = True
    for short in chosen:
        all_met &= module_report(short, args.survivors)
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
