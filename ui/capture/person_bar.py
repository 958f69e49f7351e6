"""Who is writing on the Capture tab: one coloured chip per person and the facilitator's, and the band
under them naming the writer and their persona in their colour."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from studygroup.model import Participant, Session
from ui.plain_text import button_text, plain_tooltip
from ui.style import active_palette

DRAFT_MARK = "\u2022"  # after a person's initials while they have an unsent draft


def person_colour(session: Session, author_id: str | None) -> str:
    ids = [p.id for p in session.participants]
    if author_id not in ids:
        return active_palette().facilitator
    # A person keeps their colour for the whole session: it follows their place in the group. The
    # colours are the same in both palettes, each readable under person_text.
    people = active_palette().people
    return people[ids.index(author_id) % len(people)]


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else name


def persona_reminder(session: Session, person: Participant | None) -> str:
    """ "You are Dana, the bookkeeper at Crumb & Co", or the facilitator's reminder."""
    company = session.scenario.company
    if person is None:
        return f"You are the facilitator: note what you see the group run into at {company}."
    role = person.role.strip()
    if role[1:2].islower():  # "Bookkeeper" -> "bookkeeper", but "CFO" stays
        role = role[0].lower() + role[1:]
    who = f"the {role}" if role else "one of the team"
    return f"You are {first_name(person.name)}, {who} at {company}"


class PersonBar(QWidget):
    """Large initials buttons, one per person plus the facilitator; `chosen` sends the author id."""

    chosen = Signal(object)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Who is writing")
        self.group = QButtonGroup(self)
        self.buttons: dict[str | None, QPushButton] = {}
        self._labels: dict[str | None, tuple[str, str]] = {}  # author id: (initials, tooltip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, person in enumerate(session.participants, start=1):
            key = f" (Ctrl+{number})" if number <= 9 else ""
            layout.addWidget(self._button(session, person.id, person.initials, f"Write as {person.name}{key}"))
        layout.addStretch(1)
        facilitator = session.facilitator or "Facilitator"
        initials = "".join(p[0] for p in facilitator.split()[:2]).upper() or "F"
        layout.addWidget(self._button(session, None, initials, f"Write as {facilitator}, the facilitator (Ctrl+0)"))

    def _button(self, session: Session, author_id: str | None, initials: str, tip: str) -> QPushButton:
        button = QPushButton(button_text(initials), checkable=True, toolTip=plain_tooltip(tip))
        button.setAccessibleName(tip)
        button.setObjectName("personButton")
        button.setMinimumSize(64, 56)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        colour, text = person_colour(session, author_id), active_palette().person_text
        button.setStyleSheet(
            f"QPushButton {{ background: {colour}; color: {text}; font-size: 20px; font-weight: bold;"
            f" border: 3px solid {colour}; border-radius: 8px; padding: 4px 10px; }}"
            " QPushButton:checked { border: 4px solid palette(text); }"
        )
        button.clicked.connect(lambda _checked=False, a=author_id: self.chosen.emit(a))
        self.group.addButton(button)
        self.buttons[author_id] = button
        self._labels[author_id] = (initials, tip)
        return button

    def show_current(self, author_id: str | None) -> None:
        self.buttons[author_id].setChecked(True)

    def show_drafts(self, authors: set[str | None]) -> None:
        """Mark the chips of *authors*: each has an unsent draft waiting for them."""
        for author_id, button in self.buttons.items():
            initials, tip = self._labels[author_id]
            if author_id in authors:
                initials, tip = f"{initials} {DRAFT_MARK}", f"{tip}; has an unsent draft"
            if button.text() != button_text(initials):  # called on every keystroke: touch only what changed
                button.setText(button_text(initials))
                button.setToolTip(plain_tooltip(tip))
                button.setAccessibleName(tip)


class AuthorBand(QWidget):
    """ "Writing as Dana Whitfield" and her persona, on one line in her colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.band = QLabel(objectName="authorBand", textFormat=Qt.TextFormat.PlainText)
        self.band.setAccessibleName("Current author")
        self.persona = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.persona.setAccessibleName("Persona reminder")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addWidget(self.persona, 1)

    def show_author(self, session: Session, author_id: str | None) -> None:
        colour, text = person_colour(session, author_id), active_palette().person_text
        self.band.setText(f"Writing as {session.author_name(author_id)}")
        self.band.setStyleSheet(
            f"background: {colour}; color: {text}; font-size: 16px; font-weight: bold; padding: 6px 16px 6px 6px;"
        )
        self.persona.setStyleSheet(f"background: {colour}; color: {text}; font-size: 16px; padding: 6px;")
        self.persona.setText(persona_reminder(session, session.participant(author_id)))
