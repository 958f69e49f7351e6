"""The library of 100 sessions of 600 notes (60,000 notes): `list`, `trends` and search.

Ours: the command line itself (`studygroup list` and `studygroup trends`, in this process, opening
the file each time as the command does), the app's Trends page built and shown with its data (the
filters' choices, the trends, the first problem's quotes), and Store.search on an open store as the
library page calls it. Raw: sqlite3 running hand-written SQL for the same sums (bad days per session, problem
notes by session, journey step or tag, and kind), and the same FTS5 query as ours, without Python
around it. The target for `trends` is its time less `list`'s.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bigsession import big_session
from benchmarks.common import Figure, median
from studygroup.cli import main
from studygroup.storage.search_rows import RANKED_MATCHES, fts_query
from studygroup.storage.store import Store

SESSIONS, NOTES = 100, 600
TRENDS_OVER_LIST_MS = 300
SEARCH_MS = 100
COMMON_WORD, TWO_WORDS = "the", "payout date"  # in 78% of the notes; in 5%

RAW_LIST = (
    "SELECT s.id, s.title, s.date, s.status, (SELECT count(*) FROM observations o WHERE o.session_id = s.id"
    " AND o.deleted_at IS NULL) FROM sessions s ORDER BY s.date DESC"
)
RAW_TRENDS = (
    "SELECT o.session_id, count(*), count(DISTINCT p.id) FROM observations o LEFT JOIN participants p"
    " ON p.id = o.author_id WHERE o.kind = 'bad_day' AND o.deleted_at IS NULL GROUP BY o.session_id",
    "SELECT session_id, journey_step, kind, count(*), max(severity) FROM observations WHERE deleted_at IS NULL"
    " AND kind IN ('friction', 'confusion', 'bad_day') AND journey_step != '' GROUP BY 1, 2, 3",
    "SELECT o.session_id, t.value, o.kind, count(*), max(o.severity) FROM observations o, json_each(o.tags_json) t"
    " WHERE o.deleted_at IS NULL AND o.kind IN ('friction', 'confusion', 'bad_day') GROUP BY 1, 2, 3",
)
RAW_SEARCH = (
    "SELECT o.id, s.title, snippet(notes_fts, -1, '[', ']', '…', 12) FROM notes_fts"
    " JOIN observations o ON o.rowid = notes_fts.rowid JOIN sessions s ON s.id = o.session_id"
    " WHERE notes_fts MATCH :q AND o.deleted_at IS NULL AND notes_fts.rowid >= coalesce((SELECT rowid FROM notes_fts"
    " WHERE notes_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :ranked - 1), 0) ORDER BY notes_fts.rank LIMIT 50"
)
UNCAPPED_SEARCH = RAW_SEARCH.split(" AND notes_fts.rowid")[0] + " ORDER BY notes_fts.rank LIMIT 50"


def build_library(folder: Path) -> Path:
    """100 demo-like sessions a week apart, 600 notes each, written through the Store in one transaction."""
    path = folder / "library.db"
    first = datetime.date(2024, 1, 1)
    with Store.open(path) as store, store.atomic():
        for number in range(SESSIONS):
            session, notes = big_session(NOTES, seed=number)
            session.title = f"Session {number + 1}"
            session.date = (first + datetime.timedelta(weeks=number)).isoformat()
            store.save_session(session)
            store.put_observations(notes)
    return path


def _timed(action: Callable[[], object], repeats: int) -> float:
    """The median of *repeats* runs of *action*, in ms."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return median(times) * 1000


def _command(path: Path, *argv: str) -> Callable[[], object]:
    def run() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            if main([*argv, "--db", str(path)]) != 0:
                raise RuntimeError(f"studygroup {' '.join(argv)} failed")

    return run


def _raw(path: Path, statements: tuple[str, ...], params: dict[str, object] | None = None) -> Callable[[], object]:
    def run() -> None:
        conn = sqlite3.connect(path)
        try:
            for statement in statements:
                conn.execute(statement, params or {}).fetchall()
        finally:
            conn.close()

    return run


def _search_figure(store: Store, path: Path, query: str, share: str, repeats: int) -> Figure:
    params = {"q": fts_query(query), "ranked": RANKED_MATCHES}
    ours = _timed(lambda: store.search(query), repeats)
    raw = _timed(_raw(path, (RAW_SEARCH,), params), repeats)
    uncapped = _timed(_raw(path, (UNCAPPED_SEARCH,), params), repeats)
    return Figure(
        f"Search '{query}' (in {share} of 60,000 notes), 50 best",
        ours,
        raw,
        "ms",
        f"<= {SEARCH_MS} ms",
        ours <= SEARCH_MS,
        note=f"ranking every match instead of the newest {RANKED_MATCHES:,} takes {uncapped:.0f} ms raw",
    )


def run(repeats: int = 5) -> list[Figure]:
    """list, trends and two searches over a 60,000-note library, each the median of *repeats* runs."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = build_library(Path(folder))
        built = time.perf_counter() - started
        listing = _timed(_command(path, "list"), repeats)
        raw_list = _timed(_raw(path, (RAW_LIST,)), repeats)
        trends = _timed(_command(path, "trends"), repeats)
        trends_json = _timed(_command(path, "trends", "--json"), repeats)
        raw_trends = _timed(_raw(path, RAW_TRENDS), repeats)
        with Store.open(path, create=False) as store:
            page = _timed(_trends_page(store), repeats)
            searches = [
                _search_figure(store, path, COMMON_WORD, "78%", repeats),
                _search_figure(store, path, TWO_WORDS, "5%", repeats),
            ]
    over = max(trends, trends_json) - listing
    note = (
        f"`list` takes {listing:.0f} ms (raw {raw_list:.0f} ms), so `trends` takes {over:.0f} ms more "
        f"(`--json` {trends_json:.0f} ms); building the library took {built:.0f} s"
    )
    figures = [
        Figure("`list`, 100 sessions of 600 notes", listing, raw_list, "ms", "context for trends", True),
        Figure(
            "`trends`, 100 sessions of 600 notes",
            trends,
            raw_trends,
            "ms",
            f"<= `list` + {TRENDS_OVER_LIST_MS} ms",
            over <= TRENDS_OVER_LIST_MS,
            note=note,
        ),
    ]
    figures.append(
        Figure(
            "Trends page shown, 100 sessions of 600 notes",
            page,
            raw_trends,
            "ms",
            f"<= `list` + {TRENDS_OVER_LIST_MS} ms",
            page - listing <= TRENDS_OVER_LIST_MS,
            note=f"the page built, filled and painted offscreen; {page - listing:.0f} ms more than `list`",
        )
    )
    return figures + searches


def _trends_page(store: Store) -> Callable[[], object]:
    """The Trends page as the window builds it: constructed (which reads its data), shown and painted once."""
    from PySide6.QtWidgets import QApplication

    from ui.library.trends_page import TrendsPage

    app = QApplication.instance() or QApplication([])

    def show() -> None:
        page = TrendsPage(store)
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        page.close()
        page.deleteLater()
        app.processEvents()

    return show


if __name__ == "__main__":
    for figure in run():
        print(json.dumps(figure.__dict__, ensure_ascii=False))
