"""A past session duplicated as a new plan: the same card, group and agenda, none of what happened.

The plan is a new planned Session with new ids throughout, so it never merges with the one it came
from (bundles merge by id). It keeps the scenario card, the journey steps and the lingo, the people
(with their roster ids, their airtime at 0) and the agenda (names, planned minutes, prompts, with
the clock's fields reset); it has no notes and is dated today.
"""

from __future__ import annotations

import copy
import datetime
import re
from typing import TYPE_CHECKING

from studygroup.limits import ELLIPSIS, MAX_TITLE
from studygroup.model import Participant, Phase, Session

if TYPE_CHECKING:
    from studygroup.storage.store import Store

# "Checkout (again)", then "Checkout (again 2)", "Checkout (again 3)"...
_AGAIN = re.compile(r"^(?P<base>.*?) \(again(?: (?P<number>\d+))?\)$", re.DOTALL)


def again_title(title: str) -> str:
    """The plan's title: *title* with "(again)", or the next number when it was a duplicate already."""
    match = _AGAIN.match(title)
    base, number = (match["base"], int(match["number"] or 1) + 1) if match else (title, 1)
    suffix = " (again)" if number == 1 else f" (again {number})"
    room = MAX_TITLE - len(suffix)
    if len(base) > room:  # the title stays within its limit, and the suffix shows
        base = base[: room - len(ELLIPSIS)] + ELLIPSIS
    return base + suffix


def plan_again(session: Session, today: datetime.date) -> Session:
    """A new planned Session with *session*'s card, group and agenda, dated *today*; not saved."""
    return Session(
        title=again_title(session.title),
        date=today.isoformat(),
        facilitator=session.facilitator,
        scenario=copy.deepcopy(session.scenario),
        phases=[Phase(p.name, p.planned_minutes, p.prompt) for p in session.phases],
        participants=[Participant(p.name, p.discipline, p.role, roster_id=p.roster_id) for p in session.participants],
        lingo=list(session.lingo),
        auto_advance=session.auto_advance,
        journey_steps=list(session.journey_steps),
    )


def duplicate_session(store: Store, session_id: str, today: datetime.date | None = None) -> Session:
    """Save a new plan made from the stored session *session_id* (see plan_again); returns it."""
    plan = plan_again(store.load_session(session_id), today or datetime.date.today())
    store.save_session(plan)
    return plan
