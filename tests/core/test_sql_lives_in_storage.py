"""Every SQL statement lives in studygroup/storage: nothing else opens, executes on or reaches the connection."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STORAGE = ROOT / "studygroup" / "storage"
# What only the storage package may touch: running SQL, and the connection that runs it.
SQL_ATTRIBUTES = {"execute", "executemany", "executescript", "connection"}


def sql_reaches(source: str, filename: str) -> list[str]:
    """'file:line name' for each SQL call or connection reached in *source*."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Attribute):
            continue
        opens = node.attr == "connect" and isinstance(node.value, ast.Name) and node.value.id == "sqlite3"
        if node.attr in SQL_ATTRIBUTES or opens:
            found.append((node.lineno, node.col_offset, node.attr))
    return [f"{filename}:{line} .{name}" for line, _, name in sorted(found)]


def sources_outside_storage() -> list[Path]:
    files = [*(ROOT / "studygroup").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    return sorted(f for f in files if STORAGE not in f.parents)


def test_the_scan_finds_each_way_of_reaching_sql():
    source = (
        "import sqlite3\n"
        "store.db.connection.execute('SELECT 1')\n"
        "conn.executemany('INSERT', rows)\n"
        "sqlite3.connect(path)\n"
        "signal.connect(slot)\n"  # a Qt signal is not a database
    )
    assert sql_reaches(source, "x.py") == [
        "x.py:2 .connection",
        "x.py:2 .execute",
        "x.py:3 .executemany",
        "x.py:4 .connect",
    ]


def test_the_scan_covers_the_core_and_the_ui():
    names = {f.relative_to(ROOT).as_posix() for f in sources_outside_storage()}
    assert {"studygroup/exchange/bundle.py", "studygroup/roster.py", "ui/session_page.py"} <= names
    assert "studygroup/storage/store.py" not in names


def test_no_sql_outside_the_storage_package():
    found = []
    for path in sources_outside_storage():
        found += sql_reaches(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert found == [], "SQL belongs in studygroup/storage (add a Store method): " + ", ".join(found)
