"""The command line: demo, list, export/import JSON, and one-line errors with exit code 2."""

import csv
import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from studygroup.cli import main
from studygroup.storage.store import Store


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.db")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_prints_id_last_and_list_shows_it(capsys, db):
    code, out, _ = run(capsys, "demo", "--db", db)
    assert code == 0
    session_id = out.strip().splitlines()[-1]
    code, out, _ = run(capsys, "list", "--db", db, "--json")
    listed = json.loads(out)
    assert listed[0]["id"] == session_id and listed[0]["notes"] == 60


def test_environment_variable_chooses_database(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYGROUP_DB", str(tmp_path / "env.db"))
    assert run(capsys, "demo")[0] == 0
    assert (tmp_path / "env.db").exists()


def test_default_database_lives_in_user_data_folder(capsys, isolated_user_dirs):
    assert run(capsys, "demo")[0] == 0
    assert (isolated_user_dirs / "data" / "studygroup" / "studygroup.db").exists()


def test_json_export_then_import_elsewhere(capsys, db, tmp_path):
    session_id = run(capsys, "demo", "--db", db)[1].split()[-1]
    out_file = tmp_path / "s.json"
    assert run(capsys, "export", session_id[:8], "--format", "json", "--output", str(out_file), "--db", db)[0] == 0
    other = str(tmp_path / "other.db")
    code, out, _ = run(capsys, "import", str(out_file), "--db", other)
    assert code == 0 and out.split()[-1] == session_id
    assert (
        ": 0 new notes, 0 updated from newer edits, 0 earlier texts kept as versions, 60 already here."
        in run(capsys, "import", str(out_file), "--db", other)[1]
    )


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["bogus"], "invalid choice"),
        (["export", "nope", "--format", "json", "--output", "x.json"], "matches no session"),
        (["export", "x", "--format", "docx", "--output", "x"], "invalid choice"),
        (["import", "/definitely/not/here.json"], "There is no file"),
    ],
)
def test_errors_are_one_line_and_exit_2(capsys, db, argv, fragment):
    Store.open(Path(db)).close()  # an empty database: read commands refuse a missing one before anything else
    code, _, err = run(capsys, *argv, "--db", db)
    assert code == 2
    assert fragment in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_corrupt_database_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 200)
    code, _, err = run(capsys, "list", "--db", str(bad))
    assert code == 2 and "damaged" in err and str(bad) in err


def test_python_dash_m_runs_the_same_program(tmp_path):
    Store.open(tmp_path / "m.db").close()
    result = subprocess.run(
        [sys.executable, "-m", "studygroup", "list", "--db", str(tmp_path / "m.db")],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0
    assert "No sessions yet" in result.stdout


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF-"), ("md", b"# Demo"), ("csv", b"\xef\xbb\xbfid,")])
def test_summary_formats_from_the_command_line(capsys, db, tmp_path, fmt, magic):
    session_id = run(capsys, "demo", "--db", db)[1].split()[-1]
    out_file = tmp_path / f"summary.{fmt}"
    code, _, err = run(
        capsys, "export", session_id, "--format", fmt, "--output", str(out_file), "--db", db, "--page-size", "Letter"
    )
    assert (code, err) == (0, "")
    assert out_file.read_bytes().startswith(magic)


@pytest.mark.parametrize("argv", [["--db", "{db}"], ["--db", "{db}", "gui"], ["gui", "--db", "{db}"]])
def test_db_goes_before_or_after_the_command(monkeypatch, tmp_path, argv):
    import studygroup.cli as cli

    seen = []
    db = str(tmp_path / "here.db")
    assert cli.main([a.format(db=db) for a in argv], run_app=lambda path, session: seen.append(path) or 0) == 0
    assert seen == [Path(db)]


def test_the_core_command_line_has_no_window(capsys):
    import studygroup.cli as cli

    assert cli.main([]) == 2
    assert capsys.readouterr().err == (
        "studygroup: This command line has no window: open the app with the studygroup command.\n"
    )


def test_db_before_a_command(capsys, db):
    code, out, _ = run(capsys, "--db", db, "demo")
    assert code == 0
    session_id = out.split()[-1]
    today = datetime.date.today().isoformat()
    assert run(capsys, "list", "--db", db)[1].splitlines() == [
        f"{session_id}  {today}  ended       60 notes  Demo: Crumb & Co takes its first card payment"
    ]


# --- follow-ups for a tracker -----------------------------------------------------------------------


def demo_with_a_filed_idea(capsys, db):
    """The demo, its first follow-up marked filed by Ada; returns the session id."""
    from studygroup.followups import follow_ups_of, update_follow_up

    session_id = run(capsys, "demo", "--db", db)[1].split()[-1]
    with Store.open(Path(db)) as store:
        first = follow_ups_of(store, store.load_session(session_id))[0].note
        update_follow_up(store, session_id, first.id, owner="Ada", status="filed", link="https://x.example/AB-1")
    return session_id


@pytest.mark.parametrize(
    "tracker, header, status",
    [
        ([], "Summary,Issue Type,Description,Priority,Labels,Status,Assignee,Link", "Filed"),
        (["--tracker", "jira"], "Summary,Issue Type,Description,Priority,Labels,Status,Assignee,Link", "Filed"),
        (["--tracker", "linear"], "Title,Description,Priority,Labels,Status,Assignee,Link", "Todo"),
    ],
)
def test_followups_writes_the_trackers_csv(capsys, db, tmp_path, tracker, header, status):
    session_id = demo_with_a_filed_idea(capsys, db)
    out_file = tmp_path / "followups.csv"
    argv = ["followups", session_id[:8], "--format", "csv", *tracker, "--output", str(out_file), "--db", db]
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (0, f"Wrote 12 follow-ups to {out_file}\n", "")
    with out_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == header.split(",") and len(rows) == 13
    assert rows[1][-3:] == [status, "Ada", "https://x.example/AB-1"]


def test_followups_writes_markdown_drafts_and_the_summary_shows_the_state(capsys, db, tmp_path):
    session_id = demo_with_a_filed_idea(capsys, db)
    drafts, summary = tmp_path / "drafts.md", tmp_path / "summary.md"
    assert run(capsys, "followups", session_id, "--format", "md", "--output", str(drafts), "--db", db)[0] == 0
    text = drafts.read_text(encoding="utf-8")
    assert text.startswith(
        "# Follow-ups from Demo: Crumb \\& Co takes its first card payment\n\n2026-12-01 · 12 follow-ups\n"
    )
    assert "- **Owner:** Ada\n- **Status:** filed\n- **Link:** <https://x.example/AB-1>\n" in text
    assert text.count("- **Status:** open\n") == 11
    assert run(capsys, "export", session_id, "--format", "md", "--output", str(summary), "--db", db)[0] == 0
    assert "  \n      Owner: Ada · Status: filed · Link: <https://x.example/AB-1>\n" in summary.read_text("utf-8")


@pytest.mark.parametrize(
    "argv, err",
    [
        (
            ["--format", "md", "--tracker", "linear"],
            "--tracker names the CSV's columns; it goes with --format csv only.",
        ),
        (
            ["--format", "pdf"],
            "argument --format: invalid choice: 'pdf' (choose from 'md', 'csv') (see 'studygroup --help')",
        ),
        (["--format", "csv", "--tracker", "asana"], "argument --tracker: invalid choice: 'asana'"),
    ],
)
def test_followups_usage_errors_are_one_line_and_write_nothing(capsys, db, tmp_path, argv, err):
    session_id = run(capsys, "demo", "--db", db)[1].split()[-1]
    out_file = tmp_path / "f.out"
    code, out, said = run(capsys, "followups", session_id, *argv, "--output", str(out_file), "--db", db)
    assert (code, out) == (2, "")
    assert said.startswith(f"studygroup: {err}") and said.count("\n") == 1
    assert not out_file.exists()


def test_followups_onto_a_folder_is_one_line_and_leaves_it(capsys, db, tmp_path):
    session_id = run(capsys, "demo", "--db", db)[1].split()[-1]
    folder = tmp_path / "taken"
    folder.mkdir()
    code, out, err = run(capsys, "followups", session_id, "--format", "csv", "--output", str(folder), "--db", db)
    assert (code, out) == (2, "")
    assert err.startswith(f"studygroup: {folder} cannot be used: ") and err.count("\n") == 1
    assert folder.is_dir() and list(folder.iterdir()) == []
