"""Drafts: each author's unsent text and the choices around it, kept until it becomes a note.

The Capture tab writes into a DraftBook on every keystroke and, about 400 ms after the last one,
on every switch of author and on shutdown, writes what changed (`write_pending`). What a draft
holds, what counts as changed and what counts as unsent are decided here, without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from studygroup.clock import SessionClock
from studygroup.model import Draft, Observation, Session
from studygroup.notes import build_observation


@dataclass(frozen=True)
class DraftChoices:
    """What one author has chosen around their text; kept with it while others type."""

    kind: str = "friction"
    severity: int = 1
    journey_step: str = ""
    expected: str = ""
    happened: str = ""

    @classmethod
    def from_record(cls, form: dict[str, Any]) -> DraftChoices:
        """Choices from a stored draft's form, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in form.items() if key in known})

    def as_record(self) -> dict[str, Any]:
        """The form to store: empty when nothing differs from the defaults, so an empty draft leaves no row."""
        return asdict(self) if self != DraftChoices() else {}


def note_from(
    session: Session,
    author_id: str | None,
    text: str,
    choices: DraftChoices,
    clock: SessionClock,
    now: float,
    phrases: Sequence[str] | None = None,
) -> Observation:
    """A new note in *author_id*'s name from a text and the choices around it; ValueError says why not."""
    return build_observation(
        session,
        author_id,
        text,
        choices.kind,
        choices.severity,
        choices.journey_step,
        choices.expected,
        choices.happened,
        clock,
        now,
        phrases,
    )


class DraftBook:
    """Every author's draft in one session, and which of them differ from what the disk holds."""

    def __init__(self, session_id: str, saved: dict[str | None, Draft] | None = None):
        saved = saved or {}
        self.session_id = session_id
        self._texts = {author: draft.text for author, draft in saved.items()}
        self._choices = {author: DraftChoices.from_record(draft.form) for author, draft in saved.items()}
        self._pending: set[str | None] = set()  # changed since the last write

    def text(self, author_id: str | None) -> str:
        return self._texts.get(author_id, "")

    def choices(self, author_id: str | None) -> DraftChoices:
        return self._choices.get(author_id, DraftChoices())

    def keep_text(self, author_id: str | None, text: str) -> None:
        """Remember what *author_id* typed; it is written with the next flush if it changed."""
        if text != self.text(author_id):
            self._texts[author_id] = text
            self._pending.add(author_id)

    def keep_choices(self, author_id: str | None, choices: DraftChoices) -> None:
        """Remember the kind, severity, step and classic fields around the text, like the text."""
        if choices != self.choices(author_id):
            self._choices[author_id] = choices
            self._pending.add(author_id)

    def clear(self, author_id: str | None) -> None:
        """The draft became a note: neither its text nor its choices may come back."""
        self.keep_text(author_id, "")
        self.keep_choices(author_id, DraftChoices())

    def authors_with_text(self) -> set[str | None]:
        """Authors whose draft holds more than blanks: their chip carries a mark."""
        return {author for author, text in self._texts.items() if text.strip()}

    def unsent(self, order: Iterable[str | None]) -> list[str | None]:
        """The authors of *order* whose draft holds more than blanks, in that order."""
        return [author for author in order if self.text(author).strip()]

    def pending(self) -> list[str | None]:
        """Authors with changes not yet written, the facilitator (None) first, then by id."""
        return sorted(self._pending, key=lambda author: author or "")

    def record(self, author_id: str | None) -> Draft:
        """The row to store for *author_id*: the text, and the choices when they are not the defaults."""
        return Draft(self.session_id, author_id, self.text(author_id), form=self.choices(author_id).as_record())

    def write_pending(self, save: Callable[[Draft], None]) -> Iterator[Draft]:
        """Write each changed draft with *save* and yield it once *save* returned.

        A generator, so the caller can acknowledge each draft before the next is written. An error
        from *save* ends the run and leaves that draft and the rest pending for the next flush.
        """
        for author_id in self.pending():
            draft = self.record(author_id)
            save(draft)
            self._pending.discard(author_id)
            yield draft
