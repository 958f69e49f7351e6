"""Starting a session records who took part, so the next random groups prefer newcomers."""

from __future__ import annotations

from studygroup.clock import ManualTime
from studygroup.demo import demo_scenario
from studygroup.model import Participant, Phase, Session
from studygroup.roster import add_people, list_roster
from ui.session_page import SessionPage


def test_starting_a_session_counts_its_roster_people(qtbot, store):
    people = add_people(store, [("Ana Ruiz", "Design"), ("Bo Chen", "Sales"), ("Cy Oduya", "Legal")])
    session = Session(
        title="t",
        date="2026-11-30",
        facilitator="f",
        scenario=demo_scenario(),
        phases=[Phase("Explore", 30)],
        participants=[Participant(p.name, p.discipline, roster_id=p.id) for p in people[:2]],
    )
    store.save_session(session)
    page = SessionPage(store, session, ManualTime())
    qtbot.addWidget(page)
    assert {p.name: p.sessions_attended for p in list_roster(store)} == {"Ana Ruiz": 0, "Bo Chen": 0, "Cy Oduya": 0}
    page.clock.start()
    page.clock.pause()
    page.clock.toggle_pause()  # counting again on resume must not count the session twice
    attended = {p.name: p.sessions_attended for p in list_roster(store)}
    assert attended == {"Ana Ruiz": 1, "Bo Chen": 1, "Cy Oduya": 0}
    page.shutdown()
