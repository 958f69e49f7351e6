"""Ending a session with unsent drafts warns and offers to save them as notes; nothing typed is lost."""

from __future__ import annotations

import pytest

from ui import dialogs


@pytest.fixture
def page(running_page):
    return running_page


def leave_drafts(page) -> list[str]:
    """Dana leaves a confusion at severity 2 on a known step; Marco a plain draft; Dana last holds the laptop."""
    capture = page.capture
    dana, marco = page.session.participants[:2]
    capture.switch_author(marco.id)
    capture.editor.setPlainText("Marco's half thought")
    capture.switch_author(dana.id)
    capture.editor.setPlainText("Dana could not find payouts")
    capture.kinds.set_value("confusion")
    capture.severity.set_value(2)
    capture.step_edit.setText("payouts")  # the session knows it as "Payouts"
    return [dana.id, marco.id]


def end(page) -> None:
    page.console.actions_by_id["end_session"].trigger()


def test_saving_the_drafts_makes_them_notes_in_their_authors_names(page, store, monkeypatch):
    dana, marco = leave_drafts(page)
    asked = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, text, options: asked.append(text) or 0)
    end(page)
    assert asked == [
        "Dana Whitfield and Marco Ruiz have unsent drafts. Save them as notes before the clock stops for good?"
    ]
    notes = {n.author_id: n for n in store.observations(page.session.id)}
    assert notes[dana].text == "Dana could not find payouts" and notes[dana].kind == "confusion"
    assert notes[dana].severity == 2 and notes[dana].journey_step == "Payouts"
    assert notes[marco].text == "Marco's half thought" and notes[marco].kind == "friction"
    assert page.session.status == "ended"
    assert not any(d.text for d in store.drafts(page.session.id).values())
    assert page.capture.editor.toPlainText() == "" and page.capture.unsent_drafts() == []


def test_ending_without_saving_keeps_the_drafts(page, store, monkeypatch):
    leave_drafts(page)
    monkeypatch.setattr(dialogs, "choose", lambda *args: 1)
    end(page)
    assert page.session.status == "ended" and store.observations(page.session.id) == []
    assert {d.text for d in store.drafts(page.session.id).values()} >= {
        "Dana could not find payouts",
        "Marco's half thought",
    }


def test_cancelling_keeps_the_session_running(page, store, monkeypatch):
    leave_drafts(page)
    monkeypatch.setattr(dialogs, "choose", lambda *args: None)
    end(page)
    assert page.session.status == "running" and store.observations(page.session.id) == []
    assert len(page.capture.unsent_drafts()) == 2


def test_without_drafts_it_is_the_plain_question(page, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    page.capture.editor.setPlainText("   ")  # blank is not a draft worth asking about
    end(page)
    assert page.session.status == "ended"
