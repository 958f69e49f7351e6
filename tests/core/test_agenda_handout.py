"""Agenda templates, and the one-page persona card PDF (text is escaped, file written whole)."""

import pypdf
import pytest

from studygroup import agenda, demo
from studygroup.export.handout import export_handout
from studygroup.model import Participant, Scenario, Session


@pytest.mark.parametrize(
    "name, total, count", [("60 minutes", 60, 5), ("90 minutes", 90, 6), ("30 minutes (lightning)", 30, 3)]
)
def test_each_template_adds_up_to_its_name_and_has_prompts(name, total, count):
    phases = agenda.phases_from_template(name)
    assert agenda.total_minutes(phases) == total and len(phases) == count
    assert all(p.name and p.prompt and p.planned_minutes > 0 for p in phases)


def test_the_sixty_minute_template_is_the_standard_agenda_and_the_demo_uses_it():
    phases = agenda.phases_from_template("60 minutes")
    assert [(p.name, p.planned_minutes) for p in phases] == [
        ("Welcome and rules", 5),
        ("Become the customer", 10),
        ("Experience the product", 30),
        ("Share-out", 10),
        ("Wrap-up", 5),
    ]
    assert demo.AGENDA is agenda.TEMPLATES[agenda.DEFAULT_TEMPLATE]


def test_phases_are_fresh_each_time():
    first, second = agenda.phases_from_template("60 minutes"), agenda.phases_from_template("60 minutes")
    assert not {p.id for p in first} & {p.id for p in second}
    first[0].planned_minutes = 99
    assert agenda.TEMPLATES["60 minutes"][0][1] == 5


def test_an_unknown_template_names_the_known_ones():
    with pytest.raises(KeyError, match="90 minutes"):
        agenda.phases_from_template("2 hours")


def planned_session(**scenario_changes) -> Session:
    scenario = Scenario(
        company="Crumb & Co",
        who_they_are="A three-person bakery.",
        outcome_problem="Take pre-order payments before Friday.",
        product="Checkout",
        starting_point="A laptop and a phone.",
        success_looks_like="A pre-order is paid.",
        probing_questions=["What grinded your gears?", "Where did you stop?", "Magic wand?"],
        roles=["Baker", "Bookkeeper"],
    )
    for name, value in scenario_changes.items():
        setattr(scenario, name, value)
    people = [Participant("Ada <b>&", role="Baker"), Participant("Bo", role="Bookkeeper")]
    return Session(title="March group", date="2026-03-02", facilitator="Jo", scenario=scenario, participants=people)


def pdf_text(path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_the_handout_is_one_page_with_the_card_rules_roles_and_questions(tmp_path):
    path = export_handout(planned_session(), tmp_path / "card.pdf")
    pages, text = pdf_text(path)
    assert pages == 1
    for expected in (
        "Crumb & Co",
        "A three-person bakery.",
        "Take pre-order payments before Friday.",
        "A laptop and a phone.",
        "A pre-order is paid.",
        "You don't work here",
        "not here to solve problems",
        "Bookkeeper",
        "What grinded your gears?",
        "Magic wand?",
    ):
        assert expected in text, expected


def test_user_text_is_printed_literally_not_read_as_markup(tmp_path):
    session = planned_session(company='<b>&amp;<img src="/x"/>', probing_questions=["<font size=90>big</font>?"])
    pages, text = pdf_text(export_handout(session, tmp_path / "card.pdf"))
    assert pages == 1
    assert '<b>&amp;<img src="/x"/>' in text
    assert "Ada <b>&" in text
    assert "<font size=90>big</font>?" in text


def test_a_very_long_card_still_fits_on_one_page(tmp_path):
    long_text = "A sentence that goes on and on about the customer. " * 120
    session = planned_session(who_they_are=long_text, probing_questions=[long_text[:300]] * 5)
    session.participants = [Participant(f"Person {i}", role="Baker") for i in range(12)]
    pages, text = pdf_text(export_handout(session, tmp_path / "card.pdf", page_size="Letter"))
    assert pages == 1 and "Person 11" in text


def test_without_a_group_the_card_lists_the_company_roles(tmp_path):
    session = planned_session()
    session.participants = []
    _, text = pdf_text(export_handout(session, tmp_path / "card.pdf"))
    assert "Roles in the company" in text and "Bookkeeper" in text


def test_a_failed_export_leaves_the_old_file_untouched(tmp_path):
    path = tmp_path / "card.pdf"
    path.write_bytes(b"old")
    with pytest.raises(ValueError, match="page size"):
        export_handout(planned_session(), path, page_size="A0")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["card.pdf"]
