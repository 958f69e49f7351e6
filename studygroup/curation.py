"""After the session: rename or merge journey steps and tags, and tick follow-ups.

Each change goes through Store.update_observation, so the previous version of every
touched note is kept, and all of one rename happens in one transaction.
"""

from __future__ import annotations

from studygroup.errors import StudygroupError
from studygroup.storage.store import Store


def _clean_label(label: str, what: str) -> str:
    cleaned = " ".join(label.split())
    if not cleaned:
        raise StudygroupError(f"The new {what} name is empty: type a name first.")
    return cleaned


def rename_journey_step(store: Store, session_id: str, old: str, new: str) -> int:
    """Rename a journey step on every note (merging when *new* exists); returns notes changed."""
    new = _clean_label(new, "journey step")
    with store.db.atomic():
        changed = 0
        for note in store.observations(session_id, include_deleted=True):
            if note.journey_step == old:
                note.journey_step = new
                store.update_observation(note)
                changed += 1
        session = store.load_session(session_id)
        steps = [new if s == old else s for s in session.journey_steps]
        session.journey_steps = list(dict.fromkeys(steps))  # a merge leaves one entry
        store.save_session(session)
    return changed


def rename_tag(store: Store, session_id: str, old: str, new: str) -> int:
    """Rename a tag on every note (merging when *new* exists); returns notes changed."""
    new = _clean_label(new, "tag").lstrip("#")
    with store.db.atomic():
        changed = 0
        for note in store.observations(session_id, include_deleted=True):
            if old in note.tags:
                note.tags = list(dict.fromkeys(new if t == old else t for t in note.tags))
                store.update_observation(note)
                changed += 1
    return changed


def set_follow_up(store: Store, session_id: str, observation_id: str, follow_up: bool) -> None:
    """Tick or untick a note for follow-up by whoever files bugs later."""
    with store.db.atomic():
        note = next((o for o in store.observations(session_id) if o.id == observation_id), None)
        if note is None:
            raise StudygroupError("That note is no longer in this session.")
        if note.follow_up != follow_up:
            note.follow_up = follow_up
            store.update_observation(note)
