"""After the session: rename or merge journey steps and tags, and tick follow-ups.

Each change goes through Store.update_observation, so the previous version of every
touched note is kept, and all of one rename happens in one transaction.
"""

from __future__ import annotations

from studygroup.errors import StudygroupError
from studygroup.model import Session
from studygroup.storage.store import Store


def _clean_label(label: str, what: str) -> str:
    cleaned = " ".join(label.split())
    if not cleaned:
        raise StudygroupError(f"The new {what} name is empty: type a name first.")
    return cleaned


def rename_journey_step(store: Store, session: Session, old: str, new: str) -> int:
    """Rename a journey step on every note and in the session's list (merging when *new* exists).

    *session* is the one in memory, which follows the store. Returns how many notes changed.
    """
    new = _clean_label(new, "journey step")
    with store.atomic():
        changed = 0
        for note in store.observations(session.id, include_deleted=True):
            if note.journey_step == old:
                note.journey_step = new
                store.update_observation(note)
                changed += 1
        steps = store.rename_journey_step(session.id, old, new)
    session.journey_steps[:] = steps  # in place: whoever holds the list sees the new steps
    return changed


def rename_tag(store: Store, session_id: str, old: str, new: str) -> int:
    """Rename a tag on every note (merging when *new* exists); returns notes changed."""
    new = _clean_label(new, "tag").lstrip("#")
    with store.atomic():
        changed = 0
        for note in store.observations(session_id, include_deleted=True):
            if old in note.tags:
                note.tags = list(dict.fromkeys(new if t == old else t for t in note.tags))
                store.update_observation(note)
                changed += 1
    return changed


def set_follow_up(store: Store, session_id: str, observation_id: str, follow_up: bool) -> None:
    """Tick or untick a note for follow-up by whoever files bugs later."""
    with store.atomic():
        note = next((o for o in store.observations(session_id) if o.id == observation_id), None)
        if note is None:
            raise StudygroupError("That note is no longer in this session.")
        if note.follow_up != follow_up:
            note.follow_up = follow_up
            store.update_observation(note)
