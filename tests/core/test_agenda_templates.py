"""The user's own agenda templates: saved, listed beside the built-in ones, renamed, deleted; damaged files skipped."""

import json

import pytest

from studygroup import agenda
from studygroup.agenda_files import user_templates_dir
from studygroup.errors import PlanLibraryError
from studygroup.model import Phase

RETRO = [
    Phase(" Check-in ", 5, " One word each "),
    Phase("Experience the product", 30, "Note every bump."),
    Phase("Share-out", 7.5),
]


def write(name: str, data: object) -> None:
    user_templates_dir().mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data)
    (user_templates_dir() / name).write_text(text, encoding="utf-8")


def test_a_saved_template_is_a_small_json_file_listed_after_the_built_in_ones():
    saved = agenda.save_agenda_template("  Retro, 45 minutes ", RETRO)
    assert saved.path == user_templates_dir() / "retro_45_minutes.json"
    assert json.loads(saved.path.read_text(encoding="utf-8")) == {
        "version": 1,
        "name": "Retro, 45 minutes",
        "phases": [
            {"name": "Check-in", "minutes": 5, "prompt": "One word each"},
            {"name": "Experience the product", "minutes": 30, "prompt": "Note every bump."},
            {"name": "Share-out", "minutes": 7.5, "prompt": ""},
        ],
    }
    listed = agenda.list_templates()
    assert [(t.name, t.builtin) for t in listed] == [
        ("60 minutes", True),
        ("90 minutes", True),
        ("30 minutes (lightning)", True),
        ("Retro, 45 minutes", False),
    ]
    assert listed[-1].minutes == 42.5
    assert not list(user_templates_dir().glob(".*"))  # the temporary file was renamed into place


def test_a_saved_template_gives_fresh_phases_like_a_built_in_one():
    agenda.save_agenda_template("Retro", RETRO)
    first, second = agenda.phases_from_template("retro"), agenda.phases_from_template("Retro")
    assert [(p.name, p.planned_minutes, p.prompt) for p in first] == [
        ("Check-in", 5, "One word each"),
        ("Experience the product", 30, "Note every bump."),
        ("Share-out", 7.5, ""),
    ]
    assert not {p.id for p in first} & {p.id for p in second} and not {p.id for p in first} & {p.id for p in RETRO}
    assert agenda.template_names()[-1] == "Retro"


def test_saving_under_ones_own_name_again_replaces_its_phases_in_the_same_file():
    path = agenda.save_agenda_template("Retro", RETRO).path
    again = agenda.save_agenda_template("RETRO", [Phase("Only", 10)])
    assert again.path == path and [p.name for p in agenda.phases_from_template("Retro")] == ["Only"]
    assert [t.name for t in agenda.list_templates() if not t.builtin] == ["RETRO"]


@pytest.mark.parametrize(
    "name, sentence",
    [
        ("  ", "The template's name is blank; type one."),
        (
            "Retro\nand more",
            "The template's name must be one line of text; character 6 is a line break or a control character.",
        ),
        ("R" * 201, "The template's name can have 200 characters; it has 201. Shorten it."),
        ("60 MINUTES", "“60 minutes” is a built-in template; give yours another name."),
    ],
)
def test_a_name_the_rules_refuse_is_one_sentence_and_nothing_is_written(name, sentence):
    with pytest.raises(PlanLibraryError) as refused:
        agenda.save_agenda_template(name, RETRO)
    assert str(refused.value) == sentence
    assert not user_templates_dir().exists()


@pytest.mark.parametrize(
    "phases, sentence",
    [
        ([], "The agenda has no phases; pick a template or add a phase."),
        ([Phase("One", 0)], "Phase 1 can last more than 0 and at most 1,440 minutes; it has 0."),
        ([Phase("One", 5), Phase("  ", 5)], "Phase 2 of the agenda has no name."),
    ],
)
def test_an_agenda_a_plan_could_not_use_is_not_saved_as_a_template(phases, sentence):
    with pytest.raises(PlanLibraryError, match=sentence):
        agenda.save_agenda_template("Retro", phases)


def test_rename_keeps_the_file_and_the_phases():
    path = agenda.save_agenda_template("Retro", RETRO).path
    renamed = agenda.rename_agenda_template("retro", "Retro (long)")
    assert renamed.path == path and json.loads(path.read_text(encoding="utf-8"))["name"] == "Retro (long)"
    assert agenda.find_template("Retro") is None
    assert [p.name for p in agenda.phases_from_template("Retro (long)")][0] == "Check-in"


def test_rename_refuses_a_taken_name_a_built_in_and_an_unknown_template():
    agenda.save_agenda_template("Retro", RETRO)
    agenda.save_agenda_template("Kick-off", RETRO)
    for old, new, sentence in (
        ("Retro", "kick-off", "There is already a template called “Kick-off”; choose another name."),
        ("Retro", "90 minutes", "There is already a template called “90 minutes”; choose another name."),
        ("90 minutes", "Long", "“90 minutes” is a built-in template, and built-in templates cannot be renamed."),
        ("Nope", "Long", "There is no agenda template called “Nope”."),
        ("Retro", "", "The template's name is blank; type one."),
    ):
        with pytest.raises(PlanLibraryError) as refused:
            agenda.rename_agenda_template(old, new)
        assert str(refused.value) == sentence
    assert [t.name for t in agenda.list_templates() if not t.builtin] == ["Kick-off", "Retro"]


def test_delete_removes_ones_own_template_and_refuses_a_built_in_one():
    path = agenda.save_agenda_template("Retro", RETRO).path
    deleted = agenda.delete_agenda_template("Retro")
    assert deleted.name == "Retro" and not path.exists()
    with pytest.raises(KeyError, match="Retro"):
        agenda.phases_from_template("Retro")
    with pytest.raises(PlanLibraryError, match="^“60 minutes” is a built-in template, and built-in templates cannot"):
        agenda.delete_agenda_template("60 minutes")
    assert agenda.template_names() == ["60 minutes", "90 minutes", "30 minutes (lightning)"]


def test_damaged_template_files_are_skipped_with_a_sentence_each_never_a_crash():
    agenda.save_agenda_template("Retro", RETRO)  # retro.json
    write("a_cut_short.json", '{"name": "Cut')
    write("b_list.json", [1, 2])
    write("c_minutes.json", {"name": "Words", "phases": [{"name": "One", "minutes": "ten"}]})
    write("d_nan.json", '{"name": "NaN", "phases": [{"name": "One", "minutes": NaN}]}')
    write("e_builtin.json", {"name": "90 Minutes", "phases": [{"name": "One", "minutes": 5}]})
    write("f_empty.json", {"name": "Empty", "phases": []})
    write("x_copy.json", {"name": "retro", "phases": [{"name": "One", "minutes": 5}]})  # after retro.json
    write("not_json.txt", "ignored: only .json files are templates")
    problems: list[str] = []
    listed = agenda.list_templates(problems)
    assert [t.name for t in listed if not t.builtin] == ["Retro"]
    assert problems == [
        "The agenda template a_cut_short.json was skipped: Unterminated string starting at: line 1 column 10 (char 9)",
        "The agenda template b_list.json was skipped: It is not a JSON object.",
        "The agenda template c_minutes.json was skipped: Phase 1's minutes must be a number.",
        "The agenda template d_nan.json was skipped: A template's minutes cannot be NaN.",
        "The agenda template e_builtin.json was skipped: another template is called “90 Minutes”.",
        "The agenda template f_empty.json was skipped: The agenda has no phases; pick a template or add a phase.",
        "The agenda template x_copy.json was skipped: another template is called “retro”.",
    ]


def test_a_new_template_never_overwrites_a_damaged_file_of_the_same_name():
    write("retro.json", "{ damaged")
    saved = agenda.save_agenda_template("Retro", RETRO)
    assert saved.path == user_templates_dir() / "retro_2.json"
    assert (user_templates_dir() / "retro.json").read_text(encoding="utf-8") == "{ damaged"
