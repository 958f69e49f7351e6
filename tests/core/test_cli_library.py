"""`studygroup trends` and `studygroup search`: their JSON and tables, and one-line errors with exit code 2."""

import json
from pathlib import Path

import pytest

from studygroup.cli import main
from studygroup.model import Observation, Scenario, Session
from studygroup.storage.store import Store
from tests.core.library import build_library


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "library.db")


@pytest.fixture
def library(db):
    with Store.open(Path(db)) as store:
        return build_library(store)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_trends_json(capsys, db, library):
    code, out, err = run(capsys, "trends", "--db", db, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["sessions", "recurring", "got_better"]
    assert data["sessions"][0] == {
        "id": library.sessions["One"].id,
        "title": "One",
        "date": "2026-01-05",
        "facilitator": "Jo Facil",
        "scenario": "bakery",
        "people": 4,
        "people_without_bad_day": 3,
        "share_without_bad_day": 0.75,
        "bad_days": 3,
        "bad_days_per_person": 0.75,
    }
    assert [(s["title"], s["share_without_bad_day"], s["bad_days_per_person"]) for s in data["sessions"]] == [
        ("One", 0.75, 0.75),
        ("Two", 0.6, 0.4),
        ("Three", 1.0, 0.0),
        ("Four", 1.0, 0.0),
    ]
    ids = {title: session.id for title, session in library.sessions.items()}
    assert data["recurring"][0] == {
        "type": "tag",
        "name": "mobile",
        "sessions": 4,
        "worst_severity": 3,
        "notes": 5,
        "trend": "worse",
        "problems_per_person_latest": 0.3333,
        "problems_per_person_before": 0.2333,
        "session_ids": [ids["One"], ids["Two"], ids["Three"], ids["Four"]],
    }
    assert [(p["type"], p["name"], p["sessions"]) for p in data["recurring"]] == [
        ("tag", "mobile", 4),
        ("journey_step", "Checkout", 3),
        ("journey_step", "Sign-up", 3),
        ("journey_step", "Payouts", 2),
        ("tag", "money", 2),
    ]
    assert data["got_better"] == [
        {
            "journey_step": "Checkout",
            "bad_days_before": 2,
            "last_bad_day_session_id": ids["One"],
            "last_bad_day_session_title": "One",
            "sessions_since_without_bad_day": 2,
        }
    ]


def test_trends_table(capsys, db, library):
    code, out, _ = run(capsys, "trends", "--db", db)
    assert code == 0
    assert out.splitlines() == [
        "Sessions, oldest first (4)",
        "date        people  without a bad day  bad days/person  title",
        "2026-01-05       4       3 of 4 (75%)             0.75  One",
        "2026-02-02       5       3 of 5 (60%)             0.40  Two",
        "2026-03-02       4      4 of 4 (100%)             0.00  Three",
        "2026-04-06       6      6 of 6 (100%)             0.00  Four",
        "",
        "Recurring problems: friction, confusion or bad days in two or more sessions",
        "sessions  worst  notes  trend   journey step or tag",
        "       4      3      5  worse   tag: mobile",
        "       3      3      5  same    step: Checkout",
        "       3      3      5  worse   step: Sign-up",
        "       2      3      3  better  step: Payouts",
        "       2      3      3  better  tag: money",
        "",
        "Got better: journey steps with bad days before and none in their latest sessions",
        "Checkout: 2 bad days, the last in 'One'; none in the 2 since",
    ]


def test_trends_filters(capsys, db, library):
    data = json.loads(run(capsys, "trends", "--db", db, "--json", "--scenario", "saas_billing")[1])
    assert ([s["title"] for s in data["sessions"]], data["recurring"], data["got_better"]) == (["Three"], [], [])
    data = json.loads(run(capsys, "trends", "--db", db, "--json", "--since", "2026-02-02")[1])
    assert [s["title"] for s in data["sessions"]] == ["Two", "Three", "Four"]
    assert [(p["name"], p["sessions"], p["trend"]) for p in data["recurring"]] == [
        ("mobile", 3, "worse"),
        ("Sign-up", 2, "worse"),
        ("Checkout", 2, "worse"),
    ]


def test_trends_of_an_empty_library(capsys, db):
    Store.open(Path(db)).close()
    assert run(capsys, "trends", "--db", db)[1] == "No sessions held yet.\n"
    assert run(capsys, "trends", "--db", db, "--since", "2026-01-01")[1] == "No sessions held since 2026-01-01.\n"
    assert json.loads(run(capsys, "trends", "--db", db, "--json")[1]) == {
        "sessions": [],
        "recurring": [],
        "got_better": [],
    }


def test_search_json(capsys, db, library):
    code, out, _ = run(capsys, "search", "--db", db, "--json", "at", "pay")
    assert code == 0
    hits = json.loads(out)
    assert [hit["snippet"] for hit in hits] == [
        "b4: bad_day «at» «Payouts»",
        "b5: bad_day «at» «Payouts»",
        "a4: bad_day «at» «Payouts»",
    ]  # equal ranks: the newest session first, then in session time; a6 and d4 are deleted
    assert hits[0] == {
        "note_id": library.notes["b4"].id,
        "session_id": library.sessions["Two"].id,
        "session_title": "Two",
        "session_date": "2026-02-02",
        "author": "Hu",
        "time": "04:00",
        "session_seconds": 240.0,
        "kind": "bad_day",
        "snippet": "b4: bad_day «at» «Payouts»",
    }
    assert json.loads(run(capsys, "search", "--db", db, "--json", "nowhere")[1]) == []


def test_search_table(capsys, db, library):
    code, out, _ = run(capsys, "search", "--db", db, "invoices", "--limit", "1")
    assert (code, out) == (0, "2026-03-02     01:00  Jo  (Three)\n    c1: friction at «Invoices»\n")
    assert run(capsys, "search", "--db", db, "nowhere")[1] == "No note matches 'nowhere'.\n"


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "a OR", "a -x", "支付", "x" * 10_000])
def test_search_takes_any_words(capsys, db, library, query):
    code, _, err = run(capsys, "search", "--db", db, query)
    assert (code, err) == (0, "")


def test_search_after_a_double_dash_takes_a_leading_minus(capsys, db, library):
    assert run(capsys, "search", "--db", db, "--", "-x")[0] == 0


def test_user_text_reaches_the_terminal_without_control_characters(capsys, db):
    with Store.open(Path(db)) as store:
        session = Session("Bell\x07 and \x1b[31mred", "2026-01-01", "F", Scenario("Co", "w", "o"), status="ended")
        store.save_session(session)
        store.add_observation(Observation(session.id, "multi\nline\x1b]0;title\x07 refund"))
    for argv in (["trends"], ["search", "refund"]):
        out = run(capsys, *argv, "--db", db)[1]
        assert "\x1b" not in out and "\x07" not in out
    assert run(capsys, "search", "refund", "--db", db)[1].splitlines()[1] == "    multi line]0;title «refund»"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["trends", "--since", "2026-13-01"], "argument --since: expected a date as YYYY-MM-DD, not '2026-13-01'"),
        (["trends", "--since", "02/02/2026"], "argument --since: expected a date as YYYY-MM-DD, not '02/02/2026'"),
        (["trends", "--since", "20260202"], "argument --since: expected a date as YYYY-MM-DD, not '20260202'"),
        (["trends", "--scenario", "nope"], "No session here was run on the scenario 'nope' (scenarios used: bakery,"),
        (["search", ""], "The search needs at least one word."),
        (["search", "  ", "\t"], "The search needs at least one word."),
        (["search", "x", "--limit", "0"], "argument --limit: must be at least 1, not 0"),
        (["search"], "the following arguments are required: QUERY"),
    ],
)
def test_errors_are_one_line_and_exit_2(capsys, db, library, argv, message):
    code, out, err = run(capsys, *argv, "--db", db)
    assert (code, out) == (2, "")
    assert err.startswith(f"studygroup: {message}")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("command", [["trends"], ["search", "x"]])
def test_read_only_commands_never_create_a_database(capsys, tmp_path, command):
    missing = tmp_path / "nowhere.db"
    code, _, err = run(capsys, *command, "--db", str(missing))
    assert code == 2 and err == f"studygroup: There is no database at {missing} (check --db).\n"
    assert not missing.exists()


@pytest.mark.parametrize("name", ["trends.pdf", "trends.md"])
def test_trends_output_writes_the_report_by_its_suffix(capsys, db, library, tmp_path, name):
    target = tmp_path / name
    code, out, err = run(capsys, "trends", "--db", db, "--scenario", "bakery", "--output", str(target))
    assert (code, err, out) == (0, "", f"Wrote the Trends report of 3 sessions to {target}\n")
    head = target.read_bytes()[:40]
    assert head.startswith(b"%PDF") if name.endswith(".pdf") else head.startswith(b"# Trends across 3 sessions")


def test_trends_format_overrides_the_suffix(capsys, db, library, tmp_path):
    target = tmp_path / "read-out.txt"
    code, _, err = run(capsys, "trends", "--db", db, "--output", str(target), "--format", "md")
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# Trends across 4 sessions")


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--output", "trends.txt"], "studygroup: The Trends report is written as .pdf or .md, not 'trends.txt'"),
        (["--format", "pdf"], "studygroup: --format names the Trends report's format; give the file with --output."),
        (["--output", "t.md", "--json"], "studygroup: --json prints the trends; leave it out to write the report"),
        (["--output", "t.md", "--format", "doc"], "studygroup: argument --format: invalid choice: 'doc'"),
    ],
)
def test_trends_output_mistakes_are_one_line(capsys, db, library, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "trends", "--db", db, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1
    assert list(tmp_path.glob("t*")) == []  # nothing written
