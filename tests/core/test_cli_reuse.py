"""The command line's `templates` and `cards`: listing, renaming and deleting the user's own, no database."""

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from studygroup import agenda, scenarios
from studygroup.agenda_files import user_templates_dir
from studygroup.cli import main
from studygroup.model import Phase
from studygroup.paths import user_data_dir
from tests.core.test_own_cards import GLUTEN_FREE

BUILT_IN_LINES = [
    "built-in    60 min    5 phases  60 minutes",
    "built-in    90 min    6 phases  90 minutes",
    "built-in    30 min    3 phases  30 minutes (lightning)",
]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def own():
    """One template and one card of the user's own."""
    agenda.save_agenda_template("Retro", [Phase("Check-in", 5), Phase("Share", 10, "Go round")])
    scenarios.save_to_library(dataclasses.replace(GLUTEN_FREE))


def test_templates_lists_built_in_then_yours_and_opens_no_database(capsys, own):
    code, out, err = run(capsys, "templates")
    assert (code, err) == (0, "")
    assert out.splitlines() == [*BUILT_IN_LINES, "yours       15 min    2 phases  Retro"]
    assert not (user_data_dir() / "studygroup.db").exists()


def test_templates_json_gives_each_template_with_its_phases(capsys, own):
    code, out, _ = run(capsys, "templates", "--json")
    listed = json.loads(out)
    assert code == 0 and [t["name"] for t in listed] == ["60 minutes", "90 minutes", "30 minutes (lightning)", "Retro"]
    assert listed[-1] == {
        "name": "Retro",
        "builtin": False,
        "minutes": 15,
        "phases": [
            {"name": "Check-in", "minutes": 5, "prompt": ""},
            {"name": "Share", "minutes": 10, "prompt": "Go round"},
        ],
    }
    assert listed[0]["builtin"] is True and listed[0]["phases"][0]["name"] == "Welcome and rules"


def test_templates_rename_and_delete_ones_own(capsys, own):
    assert run(capsys, "templates", "rename", "retro", "Retro, long") == (
        0,
        "Renamed the agenda template to 'Retro, long'.\n",
        "",
    )
    assert run(capsys, "templates", "delete", "Retro, long") == (0, "Deleted the agenda template 'Retro, long'.\n", "")
    assert run(capsys, "templates")[1].splitlines() == BUILT_IN_LINES


@pytest.mark.parametrize(
    "argv, line",
    [
        (
            ("templates", "delete", "90 minutes"),
            "“90 minutes” is a built-in template, and built-in templates cannot be deleted.",
        ),
        (("templates", "delete", "Nope"), "There is no agenda template called “Nope”."),
        (
            ("templates", "rename", "Retro", "60 minutes"),
            "There is already a template called “60 minutes”; choose another name.",
        ),
        (("cards", "delete", "bakery"), "“bakery” is a built-in card, and built-in cards cannot be deleted."),
        (("cards", "rename", "nope", "X"), "There is no card “nope” among your own cards."),
        (("cards", "rename", "crumb_co_gluten_free", ""), "The card's company name is blank; type one."),
    ],
)
def test_a_refusal_is_one_line_on_stderr_and_exit_2(capsys, own, argv, line):
    assert run(capsys, *argv) == (2, "", f"studygroup: {line}\n")


def test_a_damaged_template_is_named_on_stderr_and_the_listing_goes_on(capsys, own):
    (user_templates_dir() / "broken.json").write_text("[]", encoding="utf-8")
    code, out, err = run(capsys, "templates", "--json")
    assert code == 0 and len(json.loads(out)) == 4
    assert err == "studygroup: The agenda template broken.json was skipped: It is not a JSON object.\n"


def test_cards_lists_every_card_with_whose_it_is(capsys, own):
    code, out, err = run(capsys, "cards")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert lines[0] == "built-in  bakery                 Crumb & Co"
    assert lines[1] == "yours     crumb_co_gluten_free   Crumb & Co (gluten-free)"
    assert len(lines) == 9
    listed = json.loads(run(capsys, "cards", "--json")[1])
    assert listed[1] == {
        "key": "crumb_co_gluten_free",
        "company": "Crumb & Co (gluten-free)",
        "product": "Checkout",
        "builtin": False,
    }
    assert [card["builtin"] for card in listed].count(False) == 1


def test_cards_rename_and_delete_ones_own(capsys, own):
    assert run(capsys, "cards", "rename", "crumb_co_gluten_free", "Crumb, March") == (
        0,
        "Renamed the card crumb_co_gluten_free to 'Crumb, March'.\n",
        "",
    )
    kept = user_data_dir() / "deleted-scenarios" / "crumb_co_gluten_free.json"
    assert run(capsys, "cards", "delete", "crumb_co_gluten_free") == (
        0,
        f"Deleted the card crumb_co_gluten_free ('Crumb, March'); it is kept in {kept}.\n",
        "",
    )
    assert "crumb_co_gluten_free" not in run(capsys, "cards")[1] and kept.exists()


def test_a_control_character_in_a_hand_edited_card_never_reaches_the_terminal(capsys):
    scenarios.user_dir().mkdir(parents=True)
    card = scenarios.scenario_to_dict(dataclasses.replace(GLUTEN_FREE, company="Red\x1b[31m"))
    (scenarios.user_dir() / "red.json").write_text(json.dumps(card), encoding="utf-8")
    out = run(capsys, "cards")[1]
    assert "\x1b" not in out and "yours     red                    Red[31m" in out.splitlines()


def test_a_skipped_template_is_said_once_on_stderr(tmp_path):
    """The core logs the skip too; on the command line only the command's own sentence reaches stderr.

    In a process of its own: pytest's logging capture would hide Python's last-resort handler here.
    """
    folder = tmp_path / "studygroup" / "agendas"
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text("not json", encoding="utf-8")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "studygroup", "templates"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert done.stderr.count("broken.json") == 1 and done.stderr.startswith("studygroup: ")
