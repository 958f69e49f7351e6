"""The note form of the Capture tab: the note box and its nudges, kind, severity, journey step,
the classic "I expected / what happened" fields, Save and the status line.

The form holds no author: the page fills it with an author's draft and choices, or with a saved
note to edit, and reads them back. It tells the page when the person changed something, never
when the page filled it in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from studygroup.drafts import DraftChoices
from studygroup.model import KIND_NAMES, SEVERITY_WORDS, Observation, Session
from studygroup.nudges import RULE1_HINT, RULE1_SHORT, RULE2_HINT, RULE2_SHORT, lingo_hits, solution_hits
from studygroup.summary import clock_text
from ui.capture.widgets import KIND_LETTERS, ChoiceRow, NoteEditor, NudgeLine, StepEdit, buddy_label
from ui.style import repolish


class NoteForm(QWidget):
    """The left column: what one author fills in for one note, then (*notes_list*) their notes."""

    # The person changed a new note (a draft); changes to a saved note being edited are no draft.
    text_edited = Signal()  # its text
    choices_edited = Signal()  # its kind, severity, step or a classic field

    def __init__(self, session: Session, phrases: Sequence[str], notes_list: QWidget, parent=None):
        super().__init__(parent)
        self.session, self.phrases = session, phrases
        self._filling = False  # set while the page fills the form: that is no edit
        self.editing: Observation | None = None  # a saved note in the box instead of a new one
        self._build_note_box()
        self._build_choices()
        self._build_save_row()
        self._lay_out(notes_list)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        for changed in (
            self.kinds.changed,
            self.severity.changed,
            self.step_edit.textChanged,
            self.expected_edit.textChanged,
            self.happened_edit.textChanged,
        ):
            changed.connect(self._on_choice_changed)

    # --- building ---------------------------------------------------------------------

    def _build_note_box(self) -> None:
        self.editor = NoteEditor()
        self.editor.kind_chosen.connect(self.choose_kind)
        self.editing_label = QLabel(textFormat=Qt.TextFormat.PlainText, visible=False)
        self.rule1_hint = NudgeLine(visible=False, elide=Qt.TextElideMode.ElideMiddle)  # the words stay in view
        self.rule2_hint = NudgeLine(RULE2_HINT, short=RULE2_SHORT)
        # Its key and tooltip come from the action table (the page binds it).
        self.keep_as_idea = QPushButton("Keep as Idea", objectName="nudgeButton")
        self.keep_as_idea.setAccessibleName("Keep as Idea for later")
        self.rule2_row = QWidget(visible=False)
        row = QHBoxLayout(self.rule2_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rule2_hint, 1)
        row.addWidget(self.keep_as_idea)
        self.nudges = self._nudge_slot()

    def _nudge_slot(self) -> QWidget:
        """Both rules share one line of reserved height: a nudge appearing never moves the form."""
        slot = QWidget()
        row = QHBoxLayout(slot)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.rule1_hint, 1)
        row.addWidget(self.rule2_row, 1)  # each asks for its short form's room; spare room is shared
        slot.setFixedHeight(max(self.keep_as_idea.sizeHint().height(), self.rule1_hint.sizeHint().height()))
        return slot

    def _build_choices(self) -> None:
        letter_of = {kind: letter for letter, kind in KIND_LETTERS.items()}
        self.kinds = ChoiceRow(
            [(key, label, f"{label} (Alt+{letter_of[key]})") for key, label in KIND_NAMES], "Kind of note"
        )
        self.severity = ChoiceRow(
            [(n, f"{n} {words}", f"Severity {n}: {words} (Alt+{n})") for n, words in SEVERITY_WORDS.items()], "Severity"
        )
        self.step_edit = StepEdit(placeholderText="Where in the journey? (optional)")
        self.step_edit.setAccessibleName("Journey step")
        self.step_edit.setToolTip(
            "The journey step, picked from this session's list or a new one (Alt+J); Enter saves the note"
        )
        self.step_completions = QStringListModel(self.session.journey_steps, self)
        completer = QCompleter(self.step_completions, self.step_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.step_edit.setCompleter(completer)
        self.classic_toggle = QCheckBox("Show \u201cI &expected / what happened\u201d", objectName="classicToggle")
        self.classic_toggle.setAccessibleName("Show the expected and what happened fields")
        self.classic_toggle.setToolTip("The classic friction-log form, for those who want it (Alt+E)")
        self.expected_edit = QLineEdit(placeholderText="I expected…")
        self.expected_edit.setAccessibleName("I expected")
        self.expected_edit.setToolTip("What you expected to happen (Alt+X)")
        self.happened_edit = QLineEdit(placeholderText="What happened…")
        self.happened_edit.setAccessibleName("What happened")
        self.happened_edit.setToolTip("What actually happened (Alt+H)")
        self.classic_fields = QWidget(visible=False)
        classic = QHBoxLayout(self.classic_fields)  # side by side: shown, the form grows by one line only
        classic.setContentsMargins(0, 0, 0, 0)
        for caption, edit in (("I e&xpected", self.expected_edit), ("What &happened", self.happened_edit)):
            classic.addWidget(buddy_label(caption, edit))
            classic.addWidget(edit, 1)
        self.classic_toggle.toggled.connect(self.classic_fields.setVisible)

    def _build_save_row(self) -> None:
        self.save_button = QPushButton("Save note", toolTip="Save this note (Enter in the note box)")
        self.save_button.setAccessibleName("Save note")
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True, objectName="captureStatus")
        self.status.setAccessibleName("Capture status")

    def _lay_out(self, notes_list: QWidget) -> None:
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.status, 1)
        step_row = QHBoxLayout()
        step_row.addWidget(buddy_label("&Journey step", self.step_edit))
        step_row.addWidget(self.step_edit, 1)
        step_row.addSpacing(12)
        step_row.addWidget(self.classic_toggle)
        # The kind and severity buttons name themselves; without a label column they fit beside the feed.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.editing_label)
        self.editor.ensurePolished()
        self.editor.setMinimumHeight(3 * self.editor.fontMetrics().lineSpacing() + 16)  # three lines at least
        layout.addWidget(self.editor, 2)
        for widget in (self.nudges, self.kinds, self.severity):
            layout.addWidget(widget)
        layout.addLayout(step_row)
        layout.addWidget(self.classic_fields)
        layout.addLayout(save_row)
        # In this layout, not a nested one: spare height goes 2 to 3 to the note box and the list.
        layout.addWidget(notes_list, 3)

    # --- what the person changed ------------------------------------------------------

    def _on_editor_text_changed(self) -> None:
        if self._filling:
            return
        self.update_nudges()
        if self.editing is None:
            self.text_edited.emit()

    def _on_choice_changed(self, *_) -> None:
        if not self._filling and self.editing is None:
            self.choices_edited.emit()

    def choose_kind(self, kind: str) -> None:
        """Alt+letter in the note box, or its shortcut elsewhere on the page: pick the kind."""
        self.kinds.set_value(kind)

    def update_nudges(self) -> None:
        text = self.editor.toPlainText()
        lingo = lingo_hits(text, self.session.lingo)
        words = f" ({', '.join(lingo)})" if lingo else ""
        self.rule1_hint.setText(f"{RULE1_HINT}{words}" if lingo else "")
        short = f"{RULE1_SHORT}{words}" if lingo else ""
        if short != self.rule1_hint.short:  # checked on every keystroke: relayout only when the words change
            self.rule1_hint.short = short
            self.rule1_hint.updateGeometry()
        self.rule1_hint.setToolTip(self.rule1_hint.text())  # the whole list, should two lines not hold it
        self.rule1_hint.setVisible(bool(lingo))
        self.rule2_row.setVisible(bool(solution_hits(text, self.phrases)))

    # --- reading and filling ------------------------------------------------------------

    def choices(self) -> DraftChoices:
        """The choices as they stand, for the author's draft."""
        return DraftChoices(
            self.kinds.value,
            self.severity.value,
            self.step_edit.text(),
            self.expected_edit.text(),
            self.happened_edit.text(),
        )

    def note_choices(self) -> DraftChoices:
        """The choices for a note saved now: the step as the session spells it, hidden blank fields left out."""
        return DraftChoices(
            self.kinds.value,
            self.severity.value,
            self.known_step(self.step_edit.text()),
            self._classic(self.expected_edit),
            self._classic(self.happened_edit),
        )

    def _classic(self, field: QLineEdit) -> str:
        return field.text() if self.classic_toggle.isChecked() or field.text().strip() else ""

    def known_step(self, typed: str) -> str:
        """The session's spelling of a journey step typed in any case, or the new step as typed."""
        known = {s.casefold(): s for s in self.session.journey_steps}
        step = typed.strip()
        return known.get(step.casefold(), step)

    def fill(self, choices: DraftChoices, text: str) -> None:
        """Show an author's draft: their text and every choice around it."""
        self._filling = True
        try:
            self.kinds.set_value(choices.kind)
            self.severity.set_value(choices.severity)
            self.step_edit.setText(choices.journey_step)
            self.expected_edit.setText(choices.expected)
            self.happened_edit.setText(choices.happened)
        finally:
            self._filling = False
        self.set_text(text)

    def reset_after_save(self) -> None:
        """The next note starts as a friction of severity 1 in the same journey step."""
        self._filling = True
        try:
            self.kinds.set_value("friction")
            self.severity.set_value(1)
            self.expected_edit.clear()
            self.happened_edit.clear()
        finally:
            self._filling = False

    def set_text(self, text: str) -> None:
        self._filling = True
        try:
            self.editor.setPlainText(text)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._filling = False
        self.update_nudges()

    def begin_edit(self, note: Observation) -> None:
        """Hold a saved note for editing: its text and choices, and a line saying so."""
        self.editing = note
        self.editing_label.setText(
            f"Editing your note from {clock_text(note.session_seconds)}: Enter saves the change, Esc cancels."
        )
        self.editing_label.setVisible(True)
        self.kinds.set_value(note.kind)
        self.severity.set_value(note.severity)
        self.step_edit.setText(note.journey_step)
        self.set_text(note.text)
        self.editor.setFocus()

    def end_edit(self) -> None:
        """Back to new notes; the page fills in the author's draft again."""
        self.editing = None
        self.editing_label.setVisible(False)

    def greet(self, first_name: str, colour: str) -> None:
        """Ask the writer by name, in a box framed in their colour."""
        self.editor.setPlaceholderText(f"{first_name}, what happened?")
        self.editor.setStyleSheet(f"QPlainTextEdit {{ border: 3px solid {colour}; }}")

    def show_message(self, text: str, problem: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("state", "problem" if problem else "ok")
        repolish(self.status)  # the QSS's #captureStatus[state="problem"] colours it, in either scheme
