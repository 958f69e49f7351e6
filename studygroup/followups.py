"""Follow-ups that get filed: each with its owner, status and link, whether its problem recurs, and their words.

A follow-up is an idea or a note ticked for follow-up (`summary.is_follow_up`). Its state lives
beside the note (`Store.set_follow_up_state`). It recurs when its journey step, or one of its tags,
drew friction, confusion or bad-day notes in two or more sessions of the library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from studygroup.errors import StudygroupError
from studygroup.export.textsafe import printable
from studygroup.limits import ELLIPSIS
from studygroup.model import FOLLOW_UP_STATUS_WORDS, PROBLEM_KINDS, SEVERITY_WORDS, FollowUpState, Observation, Session
from studygroup.storage.store import Store
from studygroup.summary import is_follow_up, kind_label, summarise

RECURRING_FROM = 2  # sessions: one session is what happened, two are a pattern
TITLE_CHARS = 80  # a tracker issue's title, "…" included
PRIORITY_BY_SEVERITY = {3: "High", 2: "Medium", 1: "Low"}
NO_SEVERITY_PRIORITY = "Low"  # ideas, questions and delights are not problems to rank


@dataclass(frozen=True)
class Recurrence:
    """The label of a follow-up seen in the most sessions' problem notes: its journey step or a tag."""

    label: str
    is_tag: bool
    sessions: int


@dataclass
class FollowUp:
    """One follow-up as a tracker needs it: the note, its state and, when it recurs, where."""

    note: Observation
    state: FollowUpState
    recurrence: Recurrence | None = None


def follow_ups_of(store: Store, session: Session) -> list[FollowUp]:
    """The session's live follow-ups in time order, each with its state and recurrence (one query for all)."""
    notes = summarise(session, store.observations(session.id)).follow_ups
    states = store.follow_up_states(session.id)
    by_step, by_tag = store.problem_sessions(
        {note.journey_step for note in notes if note.journey_step}, {tag for note in notes for tag in note.tags}
    )
    return [
        FollowUp(note, states.get(note.id) or FollowUpState(note.id), recurrence(note, by_step, by_tag))
        for note in notes
    ]


def recurrence(note: Observation, by_step: dict[str, int], by_tag: dict[str, int]) -> Recurrence | None:
    """The note's label seen in the most sessions (the step first on a tie, then tags in order); None below two."""
    labels = [Recurrence(note.journey_step, False, by_step.get(note.journey_step, 0))] if note.journey_step else []
    labels += [Recurrence(tag, True, by_tag.get(tag, 0)) for tag in note.tags]
    best = max(labels, key=lambda label: label.sessions, default=None)
    return best if best is not None and best.sessions >= RECURRING_FROM else None


def recurrence_words(found: Recurrence, text: Callable[[str], str] = str) -> str:
    """ "Recurring in 3 sessions (journey step: Checkout)"; *text* makes the label safe for the format."""
    where = f"tag: #{text(found.label)}" if found.is_tag else f"journey step: {text(found.label)}"
    return f"Recurring in {found.sessions} sessions ({where})"


def status_words(status: str) -> str:
    return FOLLOW_UP_STATUS_WORDS.get(status, status)


def severity_words(note: Observation) -> str:
    """The severity in the friction-log words, for problems only ("" for ideas, questions, delights)."""
    if note.kind not in PROBLEM_KINDS:
        return ""
    return f"{SEVERITY_WORDS.get(note.severity, '')} ({note.severity} of 3)"


def priority(note: Observation) -> str:
    """A tracker's priority: from the severity of a problem, Low for the rest."""
    if note.kind not in PROBLEM_KINDS:
        return NO_SEVERITY_PRIORITY
    return PRIORITY_BY_SEVERITY.get(note.severity, NO_SEVERITY_PRIORITY)


def issue_title(note: Observation, limit: int = TITLE_CHARS) -> str:
    """A short title: the note's first line, cut on a word boundary with "…"; the kind and step for an empty note."""
    first = next((line for line in printable(note.text).splitlines() if line.strip()), "")
    title = " ".join(first.split())
    if not title:
        return kind_label(note.kind) + (f" at {note.journey_step}" if note.journey_step else "")
    if len(title) <= limit:
        return title
    space = title.rfind(" ", 0, limit)
    head = title[:space] if space > limit // 2 else title[: limit - 1]  # one long word: cut inside it
    return head.rstrip(" ,.;:") + ELLIPSIS  # "check…", not "check.…"


def state_facts(state: FollowUpState | None) -> list[tuple[str, str]]:
    """(label, value) for what has been set: the owner, a status other than open, the link."""
    if state is None:
        return []
    facts = [("Owner", state.owner)] if state.owner else []
    facts += [("Status", status_words(state.status))] if state.status != "open" else []
    return facts + ([("Link", state.link)] if state.link else [])


def update_follow_up(
    store: Store,
    session_id: str,
    note_id: str,
    *,
    owner: str | None = None,
    status: str | None = None,
    link: str | None = None,
) -> FollowUpState:
    """Set a follow-up's owner, status or link as typed (spaces trimmed); None keeps a part as it is."""
    note = store.find_observation(note_id)
    if note is None or note.session_id != session_id or note.deleted:
        raise StudygroupError("That note is no longer in this session.")
    if not is_follow_up(note):
        raise StudygroupError("That note is not a follow-up: tick it for follow-up first.")
    return store.set_follow_up_state(
        note_id,
        owner=None if owner is None else " ".join(owner.split()),
        status=status,
        link=None if link is None else link.strip(),
    )


def mark_filed(store: Store, session_id: str, note_id: str, link: str) -> FollowUpState:
    """The facilitator filed the follow-up: its status becomes filed, with the tracker's link."""
    return update_follow_up(store, session_id, note_id, status="filed", link=link)
