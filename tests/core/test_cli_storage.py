"""Every command on a damaged, missing or failing database: one line on stderr, exit code 2, nothing written."""

import subprocess
import sys
from pathlib import Path

import pytest

from studygroup.cli import main
from studygroup.demo import create_demo
from studygroup.exchange.bundle import export_bundle
from studygroup.storage.backup import backup_dir, list_backups, make_backup
from studygroup.storage.store import Store
from tests.damage import FAULTS, connect_failing, damaged_database, fail_after_open, integrity_ok

ROOT = Path(__file__).resolve().parents[2]  # the checkout under test, whatever studygroup is installed
COMMANDS = ("demo", "import", "list", "export", "followups", "backup")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """A sound bundle of the demo, made in a database of its own."""
    folder = tmp_path_factory.mktemp("bundle")
    with Store.open(folder / "source.db") as store:
        session_id = create_demo(store).id
        export_bundle(store, session_id, folder / "demo.json")
    return folder / "demo.json"


@pytest.fixture
def sound(tmp_path):
    """A sound database with one demo session; returns its path and the session id."""
    db = tmp_path / "room.db"
    with Store.open(db) as store:
        return db, create_demo(store).id


def argv(command, db, session_id, bundle, output):
    words = {
        "demo": ["demo"],
        "import": ["import", str(bundle)],
        "list": ["list"],
        "backup": ["backup"],
        "export": ["export", session_id, "--format", "json", "--output", str(output)],
        "followups": ["followups", session_id, "--format", "csv", "--output", str(output)],
    }[command]
    return [*words, "--db", str(db)]


def run(capsys, args):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err):
    """Exactly one line, ours: no traceback, no usage block."""
    return err.startswith("studygroup: ") and err.endswith("\n") and err.count("\n") == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_a_damaged_file_is_refused_by_every_command_and_left_byte_identical(capsys, tmp_path, bundle, command):
    db = tmp_path / "room.db"
    session_id, damaged = damaged_database(db)
    output = tmp_path / "out.json"
    code, out, err = run(capsys, argv(command, db, session_id, bundle, output))
    assert (code, out) == (2, "")
    assert one_line(err) and "is damaged" in err and str(db) in err
    assert db.read_bytes() == damaged
    assert not output.exists() and not backup_dir(db).exists()


@pytest.mark.parametrize("command", ("list", "export", "followups", "backup"))
def test_read_commands_on_a_missing_database_say_so_and_create_nothing(capsys, tmp_path, bundle, command):
    db = tmp_path / "mistyped" / "room.db"
    code, out, err = run(capsys, argv(command, db, "abc", bundle, tmp_path / "out.json"))
    assert (code, out) == (2, "")
    assert err == f"studygroup: There is no database at {db} (check --db).\n"
    assert list(tmp_path.iterdir()) == []


def test_a_missing_database_named_by_the_environment_says_which_setting(capsys, tmp_path, monkeypatch):
    db = tmp_path / "room.db"
    monkeypatch.setenv("STUDYGROUP_DB", str(db))
    assert run(capsys, ["list"]) == (2, "", f"studygroup: There is no database at {db} (check STUDYGROUP_DB).\n")
    assert not db.exists()


@pytest.mark.parametrize("command", ("demo", "import"))
def test_write_commands_still_create_a_new_database(capsys, tmp_path, bundle, command):
    db = tmp_path / "new" / "room.db"
    assert run(capsys, argv(command, db, "", bundle, None))[0] == 0
    with Store.open(db) as store:
        assert len(store.list_sessions()) == 1


@pytest.mark.parametrize("when", ("at open", "during the command"))
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_failing_disk_is_one_sentence_on_every_command(
    capsys, monkeypatch, tmp_path, sound, bundle, command, fault, when
):
    db, session_id = sound
    if when == "at open":
        connect_failing(monkeypatch, fault)
    else:
        fail_after_open(monkeypatch, fault)
    code, out, err = run(capsys, argv(command, db, session_id, bundle, tmp_path / "out.json"))
    assert code == 2
    assert one_line(err) and str(db) in err and "bug" not in err
    assert ("is full" in err) if fault == "SQLITE_FULL" else ("SQLITE_IOERR_WRITE" in err and "disk" in err)


def test_an_unforeseen_sqlite_error_is_still_one_line(capsys, monkeypatch, sound):
    db, _ = sound

    def broken_query(store, **_which):
        return store.db.connection.execute("SELECT * FROM no_such_table").fetchall()

    monkeypatch.setattr(Store, "list_sessions", broken_query)
    code, out, err = run(capsys, ["list", "--db", str(db)])
    assert code == 2
    assert one_line(err) and str(db) in err and "no such table" in err and "bug" in err


@pytest.mark.parametrize("keep", ["0", "-1"])
def test_keep_below_one_is_refused_and_deletes_no_backup(capsys, sound, keep):
    db, _ = sound
    with Store.open(db) as store:
        made = [make_backup(store.db.connection, db) for _ in range(2)]
    code, out, err = run(capsys, ["backup", "--keep", keep, "--db", str(db)])
    assert (code, out) == (2, "")
    assert one_line(err) and "--keep" in err and f"at least 1, not {keep}" in err
    assert sorted(list_backups(db)) == sorted(made)


# --- a real file-size limit: the kernel refuses the writes (EFBIG), as a full disk does ---------------------


def run_with_file_size_limit(limit, *args):
    """`studygroup ARGS` in a child whose files may not grow past *limit* bytes (SIGXFSZ ignored: EFBIG instead).

    SQLite's unixWrite reports every errno but ENOSPC as SQLITE_IOERR_WRITE, so that is what these see.
    """
    code = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
        "from studygroup.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


needs_rlimit = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


@needs_rlimit
def test_a_backup_the_disk_refuses_is_one_line_and_keeps_the_earlier_backups(sound):
    db, _ = sound
    with Store.open(db) as store:
        create_demo(store)
        earlier = make_backup(store.db.connection, db)
    kept = earlier.read_bytes()
    result = run_with_file_size_limit(40_000, "backup", "--keep", "1", "--db", str(db))
    assert result.returncode == 2 and result.stdout == ""
    assert one_line(result.stderr) and f"No backup of {db} could be made" in result.stderr
    assert "SQLITE_IOERR_WRITE" in result.stderr
    assert list_backups(db) == [earlier] and earlier.read_bytes() == kept
    assert sorted(p.name for p in backup_dir(db).iterdir()) == [earlier.name]  # no half-written copy left


@needs_rlimit
def test_a_write_the_disk_refuses_is_one_line_and_loses_nothing(sound):
    db, session_id = sound
    result = run_with_file_size_limit(40_000, "demo", "--db", str(db))
    assert result.returncode == 2 and result.stdout == ""
    assert one_line(result.stderr) and f"The disk holding {db} could not be read or written" in result.stderr
    assert integrity_ok(db)
    with Store.open(db) as store:
        assert [s["id"] for s in store.list_sessions()] == [session_id]
