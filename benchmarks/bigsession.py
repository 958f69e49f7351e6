"""A session with many notes, made from the demo's by repetition, for the feed, memory and PDF benchmarks."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from studygroup.demo import build_demo_session
from studygroup.model import Observation, Session, new_id
from studygroup.storage.store import Store


def big_session(notes: int, seed: int = 11) -> tuple[Session, list[Observation]]:
    """The demo session with *notes* observations spread over its phases, people and steps."""
    session, demo_notes = build_demo_session(seed)
    rng = random.Random(seed)
    many = []
    for i in range(notes):
        template = demo_notes[i % len(demo_notes)]
        many.append(
            dataclasses.replace(
                template,
                id=new_id(),
                session_seconds=template.session_seconds + i * 1e-3,
                author_id=rng.choice(session.participants).id,
            )
        )
    return session, many


def big_database(folder: Path, notes: int) -> tuple[Path, str]:
    """Write a big session to a new database in one transaction; returns (path, session id)."""
    path = folder / f"big-{notes}.db"
    session, many = big_session(notes)
    with Store.open(path) as store, store.db.atomic():
        store.save_session(session)
        for note in many:
            store.add_observation(note)
    return path, session.id
