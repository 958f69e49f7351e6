"""The command line: demo, list, export/import JSON, and one-line errors with exit code 2."""

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
