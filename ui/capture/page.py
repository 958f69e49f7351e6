"""The Capture tab: people take turns at one laptop and write notes that are never lost.

Drafts: every author's unsaved text, with the kind, severity, journey step and classic
fields chosen around it, lives in memory and reaches the database about 400 ms after
the last change, on every switch of author and on shutdown.
A note is reported "Saved" only after the store has committed it; if the store
fails, the text stays in the editor and is appended to a fallback text file.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import os
from dataclasses import asdict, dataclass, fields

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studygroup.clock import STATUS_CHANGED, SessionClock
from studygroup.errors import StorageError
from studygroup.lock import PinBackoff
from studygroup.model import KIND_LABELS, KINDS, SEVERITY_WORDS, Draft, Observation, Session
from studygroup.notes import build_observation, remember_journey_step
from studygroup.nudges import (
    RULE1_HINT,
    RULE1_SHORT,
    RULE2_HINT,
    RULE2_SHORT,
    lingo_hits,
    load_solution_phrases,
    solution_hits,
)
from studygroup.storage.store import Store
from studygroup.summary import clock_text
from ui import dialogs
from ui.actions import ACTION_PROPERTY, bind_button, build_actions
from ui.capture.feed_model import ANY, KIND, NOTE, PERSON, SEVERITY, TIME, NotesFilter, NotesModel
from ui.capture.widgets import (
    KIND_LETTERS,
    ChoiceRow,
    NoteEditor,
    NudgeLine,
    PersonBar,
    StepEdit,
    first_name,
    person_colour,
    persona_reminder,
)
from ui.facilitator_gate import FacilitatorGate
from ui.table_fit import NOTE_MIN_WIDTH, fit_note_columns, rows_height, table_chrome_width
from ui.timers import make_timer

log = logging.getLogger("studygroup.capture")

DRAFT_DEBOUNCE_MS = 400
FALLBACK_FILE = "unsaved-notes.txt"


@dataclass
class FormState:
    """What one author has chosen around their draft; kept in memory while others type."""

    kind: str = "friction"
    severity: int = 1
    journey_step: str = ""
    expected: str = ""
    happened: str = ""


def form_from_dict(values: dict) -> FormState:
    """A FormState from a stored draft, ignoring keys this version does not know."""
    known = {f.name for f in fields(FormState)}
    return FormState(**{k: v for k, v in values.items() if k in known})


class CapturePage(QWidget):
    """Person bar, note editor with nudges, own notes, the facilitator's feed and the lock."""

    note_saved = Signal(object)  # Observation, after the store committed it
    draft_persisted = Signal(object)  # Draft, after the store committed it

    def __init__(
        self, store: Store, session: Session, clock: SessionClock, parent=None, gate: FacilitatorGate | None = None
    ):
        super().__init__(parent)
        self.store, self.session, self.clock = store, session, clock
        self.now = clock.time.wall
        # The session's one facilitator lock (its own when the page stands alone, as in tests).
        self.gate = gate or FacilitatorGate(store, self.now, self)
        self.lock = self.gate.lock
        self.phrases = load_solution_phrases()
        self.author_id: str | None = None
        saved_drafts = store.drafts(session.id)
        self.drafts: dict[str | None, str] = {a: d.text for a, d in saved_drafts.items()}
        self._dirty: set[str | None] = set()
        self._forms: dict[str | None, FormState] = {a: form_from_dict(d.form) for a, d in saved_drafts.items()}
        self._editing: Observation | None = None
        self._deleted: list[Observation] = []  # for Ctrl+Z, most recent last
        self._messages: dict[str | None, tuple[str, bool]] = {}  # each author's last status line
        self._loading = False  # set while the page itself fills the editor
        self.draft_timer = make_timer(self, DRAFT_DEBOUNCE_MS, single_shot=True)
        self.draft_timer.timeout.connect(self.flush_drafts)
        self.feed_model = NotesModel(session, self)
        self.feed_model.set_notes(store.observations(session.id))
        self.feed_proxy = NotesFilter(self)
        self.feed_proxy.setSourceModel(self.feed_model)
        self.own_proxy = NotesFilter(self)
        self.own_proxy.setSourceModel(self.feed_model)
        self._build()
        self.clock.listeners.append(self._on_clock_event)
        first = session.participants[0].id if session.participants else None
        self.switch_author(first)
        self._refresh_lock_ui()

    # --- building ---------------------------------------------------------------

    def _build(self) -> None:
        self.person_bar = PersonBar(self.session)
        self.person_bar.chosen.connect(self._on_person_chosen)
        self.person_bar.buttons[None].setProperty(ACTION_PROPERTY, "write_as_facilitator")  # one more route to it
        self._build_lock_actions()
        self.lock_button = QPushButton()
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the cursor in the note box
        bind_button(self.lock_button, self.actions_by_id["lock"])
        self.band = QLabel(objectName="authorBand", textFormat=Qt.TextFormat.PlainText)
        self.band.setAccessibleName("Current author")
        self.persona = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.persona.setAccessibleName("Persona reminder")
        top = QHBoxLayout()
        top.addWidget(self.person_bar, 1)
        top.addWidget(self.lock_button)
        self.change_pin_button = QPushButton("Change PIN…")
        self.change_pin_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bind_button(self.change_pin_button, self.actions_by_id["change_pin"])
        top.addWidget(self.change_pin_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(self._build_capture_column())
        splitter.addWidget(self._build_feed_column())
        splitter.setStretchFactor(0, 1)  # the feed keeps its readable width; the note form takes the rest
        splitter.setStretchFactor(1, 0)
        band = QHBoxLayout()  # who is writing and their persona share one coloured line
        band.setSpacing(0)
        band.addWidget(self.band)
        band.addWidget(self.persona, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(band)
        layout.addWidget(splitter, 1)
        self._build_shortcuts()
        for changed in (
            self.kinds.changed,
            self.severity.changed,
            self.step_edit.textChanged,
            self.expected_edit.textChanged,
            self.happened_edit.textChanged,
        ):
            changed.connect(self._on_form_changed)

    def _build_capture_column(self) -> QWidget:
        self.editor = NoteEditor()
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.editor.submitted.connect(self.save_current)
        self.editor.kind_chosen.connect(self._choose_kind)
        self.editor.cancelled.connect(self.cancel_edit)
        self.editing_label = QLabel(textFormat=Qt.TextFormat.PlainText, visible=False)
        self.rule1_hint = NudgeLine(visible=False, elide=Qt.TextElideMode.ElideMiddle)  # the words stay in view
        self.rule2_hint = NudgeLine(RULE2_HINT, short=RULE2_SHORT)
        self.keep_as_idea = QPushButton(
            "Keep as Idea",
            toolTip="Save this note as an Idea for later (Ctrl+Shift+I)",
            shortcut=QKeySequence("Ctrl+Shift+I"),
            objectName="nudgeButton",
        )
        self.keep_as_idea.setAccessibleName("Keep as Idea for later")
        self.keep_as_idea.clicked.connect(self.keep_as_idea_for_later)
        self.rule2_row = QWidget(visible=False)
        row = QHBoxLayout(self.rule2_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rule2_hint, 1)
        row.addWidget(self.keep_as_idea)
        self.nudges = self._nudge_slot()
        self.kinds = ChoiceRow(
            [
                (key, label, f"{label} (Alt+{letter})")
                for (key, label, _), letter in zip(KINDS, _letters_by_kind(), strict=False)
            ],
            "Kind of note",
        )
        self.severity = ChoiceRow(
            [(n, f"{n} {words}", f"Severity {n}: {words} (Alt+{n})") for n, words in SEVERITY_WORDS.items()], "Severity"
        )
        self.step_edit = StepEdit(placeholderText="Where in the journey? (optional)")
        self.step_edit.setAccessibleName("Journey step")
        self.step_edit.setToolTip(
            "The journey step, picked from this session's list or a new one (Alt+J); Enter saves the note"
        )
        self.step_edit.submitted.connect(self._on_step_edit_submitted)
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
            classic.addWidget(_buddy(caption, edit))
            classic.addWidget(edit, 1)
        self.classic_toggle.toggled.connect(self.classic_fields.setVisible)
        self.save_button = QPushButton("Save note", toolTip="Save this note (Enter in the note box)")
        self.save_button.setAccessibleName("Save note")
        self.save_button.clicked.connect(self.save_current)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True, objectName="captureStatus")
        self.status.setAccessibleName("Capture status")
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.status, 1)
        step_row = QHBoxLayout()
        step_row.addWidget(_buddy("&Journey step", self.step_edit))
        step_row.addWidget(self.step_edit, 1)
        step_row.addSpacing(12)
        step_row.addWidget(self.classic_toggle)
        # The kind and severity buttons name themselves; without a label column they fit beside the feed.
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.editing_label)
        self.editor.ensurePolished()
        self.editor.setMinimumHeight(3 * self.editor.fontMetrics().lineSpacing() + 16)  # three lines at least
        layout.addWidget(self.editor, 2)
        layout.addWidget(self.nudges)
        layout.addWidget(self.kinds)
        layout.addWidget(self.severity)
        layout.addLayout(step_row)
        layout.addWidget(self.classic_fields)
        layout.addLayout(save_row)
        layout.addWidget(self._build_own_notes(), 3)  # room to spare goes mostly to the notes list
        return column

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

    def _build_own_notes(self) -> QWidget:
        self.notes_view = table_view(self.own_proxy, "My notes", shown=(TIME, KIND, NOTE))
        self.notes_label = _buddy("My &notes", self.notes_view)
        self.private_toggle = QCheckBox("Private capt&ure", checked=True)
        self.private_toggle.setAccessibleName("Private capture")
        self.private_toggle.setToolTip("While the session runs, each person sees only their own notes (Alt+U)")
        self.private_toggle.toggled.connect(lambda _on: self._refresh_privacy())
        self.edit_button = QPushButton(
            "Edit", toolTip="Edit the selected note in the note box (F2)", shortcut=QKeySequence("F2")
        )
        self.delete_button = QPushButton("Delete", toolTip="Delete the selected note; Ctrl+Z brings it back (Del)")
        self.undo_button = QPushButton("Undo delete", toolTip="Bring back the last deleted note (Ctrl+Z)")
        for button in (self.edit_button, self.delete_button, self.undo_button):
            button.setAccessibleName(button.text())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        bar = QHBoxLayout()  # the list's title and its buttons on one line: more rows for the notes
        bar.addWidget(self.notes_label)
        bar.addStretch(1)
        for widget in (self.private_toggle, self.edit_button, self.delete_button, self.undo_button):
            bar.addWidget(widget)
        self.notes_view.setMinimumHeight(rows_height(self.notes_view, 1))
        for signal in (self.own_proxy.rowsInserted, self.own_proxy.modelReset):
            signal.connect(self.notes_view.scrollToBottom)  # the newest note stays in view
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.notes_view, 1)
        return box

    def _build_feed_column(self) -> QWidget:
        self.feed_view = table_view(self.feed_proxy, "Live feed of everyone's notes", shown=FEED_COLUMNS)
        self.feed_view.setColumnHidden(SEVERITY, True)
        self._feed_columns_width = fit_note_columns(self.feed_view, self.session)
        people = [("Everyone", ANY), (self.session.author_name(None), None)]
        people += [(p.name, p.id) for p in self.session.participants]
        kinds = [("Any kind", ANY)] + [(label, key) for key, label, _ in KINDS]
        phases = [("Any phase", ANY)] + [(p.name, p.id) for p in self.session.phases]
        self._filter_values: dict[str, list] = {}
        self.filters: dict[str, QComboBox] = {}
        row = QGridLayout()  # two filters a line: the feed keeps its height for notes
        row.setColumnStretch(1, 1)
        row.setColumnStretch(3, 1)
        for number, (field, label, options) in enumerate(
            (
                ("author_id", "Pers&on", people),
                ("kind", "&Kind", kinds),
                ("phase_id", "Ph&ase", phases),
                ("journey_step", "S&tep", [("Any step", ANY)]),
            )
        ):
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)  # long names elide in the closed box, not widen the column
            combo.setAccessibleName(f"Filter the feed by {label.replace('&', '').lower()}")
            combo.setToolTip(combo.accessibleName())
            combo.currentIndexChanged.connect(lambda index, f=field: self._on_filter_changed(f, index))
            self.filters[field] = combo
            self._set_filter_options(field, options)
            row.addWidget(_buddy(label, combo), number // 2, number % 2 * 2)
            row.addWidget(combo, number // 2, number % 2 * 2 + 1)
        self._refresh_step_filter()  # the step list grows during the session
        self.feed = QWidget()
        layout = QVBoxLayout(self.feed)
        layout.setContentsMargins(6, 0, 0, 0)
        title = QLabel("Facilitator's live feed", objectName="sectionTitle")
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.feed_view, 1)
        # Time, person and kind whole, and the note itself readable: the feed never gets narrower.
        self.feed.setMinimumWidth(self._feed_columns_width + NOTE_MIN_WIDTH + table_chrome_width(self.feed_view) + 6)
        self.feed_model.rowsInserted.connect(lambda *_: self.feed_view.scrollToBottom())
        self.feed_proxy.modelReset.connect(self.feed_view.scrollToBottom)  # a new filter shows its newest note
        return self.feed

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        people = [p.id for p in self.session.participants[:9]]
        for number, author_id in enumerate(people, start=1):
            self._shortcut(f"Ctrl+{number}", lambda a=author_id: self.switch_author(a), context)
        for letter, kind in KIND_LETTERS.items():
            self._shortcut(f"Alt+{letter}", lambda k=kind: self._choose_kind(k), context)
        for number in SEVERITY_WORDS:
            self._shortcut(f"Alt+{number}", lambda n=number: self.severity.set_value(n), context)
        self._shortcut("Ctrl+Z", self.undo_delete, context)
        delete = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.notes_view, context=Qt.ShortcutContext.WidgetShortcut
        )
        delete.activated.connect(self.delete_selected)

    def _build_lock_actions(self) -> None:
        """Rows of the action table that this page owns: the lock, the PIN and the facilitator's name."""
        self.actions_by_id = build_actions(("lock", "change_pin", "write_as_facilitator"), self)
        self.actions_by_id["lock"].triggered.connect(self._on_lock_triggered)
        self.actions_by_id["change_pin"].triggered.connect(self.change_pin)
        facilitator = self.actions_by_id["write_as_facilitator"]
        facilitator.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.gate.wire(facilitator, lambda: self.switch_author(None))
        self.addActions(list(self.actions_by_id.values()))
        self.gate.changed.connect(self._refresh_lock_ui)
        self.gate.said.connect(self._say)
        self.gate.prompted.connect(self._return_to_note_box)

    def _shortcut(self, keys: str, slot, context: Qt.ShortcutContext) -> None:
        shortcut = QShortcut(QKeySequence(keys), self, context=context)
        shortcut.activated.connect(slot)
        # A window-wide mnemonic on the same key makes it ambiguous; act anyway, it is ours here.
        shortcut.activatedAmbiguously.connect(slot)

    # --- who is writing -----------------------------------------------------------

    def _on_person_chosen(self, author_id: str | None) -> None:
        """A chip was clicked; the facilitator's chip goes through the lock like Ctrl+0."""
        if author_id is None:
            self.actions_by_id["write_as_facilitator"].trigger()
            self.person_bar.show_current(self.author_id)  # refused: the chip of who writes stays marked
        else:
            self.switch_author(author_id)

    def switch_author(self, author_id: str | None) -> None:
        """Hand the laptop to *author_id* (None: the facilitator), keeping everyone's draft."""
        if author_id is not None and self.session.participant(author_id) is None:
            raise ValueError(f"There is no person with id {author_id} in this session.")
        if self._editing is not None:
            self.cancel_edit()
        self._stash_form()
        self.author_id = author_id
        self._show_author()
        self._load_form()
        self._refresh_privacy()
        self._refresh_draft_marks()
        self.flush_drafts()  # after the switch, so a failure is said to whoever has the laptop now
        self.editor.setFocus()

    def _show_author(self) -> None:
        person = self.session.participant(self.author_id)
        name = self.session.author_name(self.author_id)
        colour = person_colour(self.session, self.author_id)
        self.person_bar.show_current(self.author_id)
        self.band.setText(f"Writing as {name}")
        self.band.setStyleSheet(
            f"background: {colour}; color: white; font-size: 16px; font-weight: bold; padding: 6px 16px 6px 6px;"
        )
        self.persona.setStyleSheet(f"background: {colour}; color: white; font-size: 16px; padding: 6px;")
        self.persona.setText(persona_reminder(self.session, person))
        self._show_message(*self._messages.get(self.author_id, ("", False)))  # never someone else's "Saved"
        self.editor.setPlaceholderText(f"{first_name(name)}, what happened?")
        self.editor.setStyleSheet(f"QPlainTextEdit {{ border: 3px solid {colour}; }}")

    def _stash_form(self) -> None:
        self._forms[self.author_id] = FormState(
            self.kinds.value,
            self.severity.value,
            self.step_edit.text(),
            self.expected_edit.text(),
            self.happened_edit.text(),
        )

    def _load_form(self) -> None:
        form = self._forms.get(self.author_id, FormState())
        self._loading = True  # filling the widgets is not an edit of the draft
        try:
            self.kinds.set_value(form.kind)
            self.severity.set_value(form.severity)
            self.step_edit.setText(form.journey_step)
            self.expected_edit.setText(form.expected)
            self.happened_edit.setText(form.happened)
        finally:
            self._loading = False
        self._set_editor_text(self.drafts.get(self.author_id, ""))

    def _set_editor_text(self, text: str) -> None:
        self._loading = True
        try:
            self.editor.setPlainText(text)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._loading = False
        self._update_nudges()

    # --- drafts -------------------------------------------------------------------

    def _on_editor_text_changed(self) -> None:
        if self._loading:
            return
        self._update_nudges()
        if self._editing is not None:
            return  # an edit of a saved note is not a draft
        self.drafts[self.author_id] = self.editor.toPlainText()
        self._dirty.add(self.author_id)
        self.draft_timer.start()
        self._refresh_draft_marks()

    def _refresh_draft_marks(self) -> None:
        """Whoever left unsent text sees a mark on their chip, so nothing is forgotten at the end."""
        self.person_bar.show_drafts({author for author, text in self.drafts.items() if text.strip()})

    def _on_form_changed(self, *_) -> None:
        """Kind, severity, step and the classic fields are part of the draft: on disk like the text."""
        if self._loading or self._editing is not None:
            return
        self._stash_form()
        self._dirty.add(self.author_id)
        self.draft_timer.start()

    def flush_drafts(self) -> bool:
        """Write every changed draft now; False (and a visible message) when the store fails."""
        self.draft_timer.stop()
        for author_id in sorted(self._dirty, key=lambda a: a or ""):
            form = self._forms.get(author_id, FormState())
            draft = Draft(
                self.session.id,
                author_id,
                self.drafts.get(author_id, ""),
                form=asdict(form) if form != FormState() else {},
            )
            try:
                self.store.save_draft(draft)
            except StorageError as exc:
                self._say(f"Drafts are kept on screen but could not be saved: {exc}", problem=True)
                return False
            self._dirty.discard(author_id)
            self.draft_persisted.emit(draft)
        return True

    # --- saving notes ---------------------------------------------------------------

    def save_current(self) -> Observation | None:
        """Save the editor's note (or the edit in progress); returns it once it is committed."""
        if self._editing is not None:
            return self._save_edit()
        try:
            note = build_observation(
                self.session,
                self.author_id,
                self.editor.toPlainText(),
                self.kinds.value,
                self.severity.value,
                self._journey_step(),
                self._classic(self.expected_edit),
                self._classic(self.happened_edit),
                self.clock,
                self.now(),
                self.phrases,
            )
        except ValueError as exc:
            self._say(str(exc), problem=True)
            return None
        try:
            self.store.add_observation(note)
        except StorageError as exc:
            self._keep_unsaved(note, exc)
            return None
        self._after_saved(note)
        return note

    def _after_saved(self, note: Observation) -> None:
        self.drafts[self.author_id] = ""
        self._loading = True
        try:
            self.kinds.set_value("friction")
            self.severity.set_value(1)
            self.expected_edit.clear()
            self.happened_edit.clear()
        finally:
            self._loading = False
        self._stash_form()
        self._dirty.add(self.author_id)
        self.flush_drafts()  # the saved text must not come back as a draft after a crash
        self._set_editor_text("")
        self._refresh_draft_marks()
        self._remember_step(note.journey_step)
        self.feed_model.append([note])
        self._say(f"Saved at {clock_text(note.session_seconds)}.")
        log.info("note saved %s", note.id)  # ids only: what people wrote stays out of the log
        self.note_saved.emit(note)

    def _journey_step(self) -> str:
        return self._known_step(self.step_edit.text())

    def _known_step(self, typed: str) -> str:
        """The session's spelling of a journey step typed in any case, or the new step as typed."""
        known = {s.casefold(): s for s in self.session.journey_steps}
        step = typed.strip()
        return known.get(step.casefold(), step)

    # --- drafts left at the end -------------------------------------------------------

    def unsent_drafts(self) -> list[str | None]:
        """Authors whose draft holds text, in the person bar's order (the facilitator last)."""
        order = [p.id for p in self.session.participants] + [None]
        return [author for author in order if self.drafts.get(author, "").strip()]

    def save_drafts_as_notes(self) -> int | None:
        """Save each unsent draft as its author's note, with the kind, severity and step chosen around it.

        Returns how many were saved, or None when the store failed (what was not saved stays a draft).
        """
        if self._editing is None:
            self._stash_form()
        saved = 0
        for author in self.unsent_drafts():
            form = self._forms.get(author, FormState())
            note = build_observation(
                self.session,
                author,
                self.drafts[author],
                form.kind,
                form.severity,
                self._known_step(form.journey_step),
                form.expected,
                form.happened,
                self.clock,
                self.now(),
                self.phrases,
            )
            try:
                self.store.add_observation(note)
            except StorageError as exc:
                self._say(f"Not every draft could be saved: {exc} The rest stay as drafts.", problem=True)
                return None
            self.drafts[author], self._forms[author] = "", FormState()
            self._dirty.add(author)
            self.feed_model.append([note])
            self._remember_step(note.journey_step)
            saved += 1
        self.flush_drafts()
        if self._editing is None:
            self._load_form()  # the current author's box is empty now too
        self._refresh_draft_marks()
        return saved

    def _classic(self, field: QLineEdit) -> str:
        return field.text() if self.classic_toggle.isChecked() or field.text().strip() else ""

    def _remember_step(self, step: str) -> None:
        count = len(self.session.journey_steps)
        remember_journey_step(self.session, step)
        if len(self.session.journey_steps) == count:
            return
        self.show_journey_steps()
        try:
            self.store.add_journey_step(self.session.id, step)  # the step alone: the session has other writers
        except StorageError as exc:
            self._say(f"The note is saved, but the new journey step is not: {exc}", problem=True)

    def show_journey_steps(self) -> None:
        """Redraw the step suggestions and filter from the session's list (also after a rename on Review)."""
        self.step_completions.setStringList(self.session.journey_steps)
        self._refresh_step_filter()
        # A renamed step leaves the filter on "Any step": the feed must stop filtering on the old name too.
        self._on_filter_changed("journey_step", self.filters["journey_step"].currentIndex())

    def _keep_unsaved(self, note: Observation, exc: StorageError) -> None:
        """The store failed: keep the text in the editor and append it to a plain text file."""
        path = self.store.path.parent / FALLBACK_FILE
        try:
            _append_fallback(path, self.session, note)
        except OSError as file_exc:
            self._say(
                f"Not saved: {exc} Copying it to {path} failed too ({file_exc}); the text stays here, "
                "copy it somewhere safe.",
                problem=True,
            )
            return
        self._say(f"Not saved: {exc} The text stays here, and a copy was added to {path}.", problem=True)

    def _on_step_edit_submitted(self) -> None:
        if self.save_current() is not None:
            self.editor.setFocus()  # the next note starts with its text

    def keep_as_idea_for_later(self) -> Observation | None:
        """Rule 2's one click: save the note as an Idea for later instead."""
        self.kinds.set_value("idea")
        return self.save_current()

    def _choose_kind(self, kind: str) -> None:
        self.kinds.set_value(kind)

    # --- nudges ---------------------------------------------------------------------

    def _update_nudges(self) -> None:
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

    # --- own notes: edit, delete, undo ----------------------------------------------------

    def selected_note(self) -> Observation | None:
        rows = self.notes_view.selectionModel().selectedRows()
        return self.own_proxy.note_at(rows[0].row()) if rows else None

    def edit_selected(self) -> bool:
        """Load the selected note into the editor; Enter saves the change, Esc cancels."""
        note = self.selected_note()
        if note is None or not self._may_change(note):
            return False
        self._editing = note
        self.editing_label.setText(
            f"Editing your note from {clock_text(note.session_seconds)}: Enter saves the change, Esc cancels."
        )
        self.editing_label.setVisible(True)
        self.kinds.set_value(note.kind)
        self.severity.set_value(note.severity)
        self.step_edit.setText(note.journey_step)
        self._set_editor_text(note.text)
        self.editor.setFocus()
        return True

    def cancel_edit(self) -> None:
        if self._editing is None:
            return
        self._editing = None
        self.editing_label.setVisible(False)
        self._load_form()  # the author's own draft and choices, not the note's

    def _save_edit(self) -> Observation | None:
        old = self._editing
        try:
            fresh = build_observation(
                self.session,
                old.author_id,
                self.editor.toPlainText(),
                self.kinds.value,
                self.severity.value,
                self._journey_step(),
                old.expected,
                old.happened,
                self.clock,
                self.now(),
                self.phrases,
            )
        except ValueError as exc:
            self._say(str(exc), problem=True)
            return None
        # Keep who, when and where from the original; take only the new content.
        edited = dataclasses.replace(old, **{f: getattr(fresh, f) for f in _EDITABLE})
        try:
            self.store.update_observation(edited)
        except StorageError as exc:
            self._say(f"The change is not saved: {exc} Your text stays here.", problem=True)
            return None
        self._editing = None
        self.editing_label.setVisible(False)
        self.feed_model.replace(edited)
        self._remember_step(edited.journey_step)
        self._load_form()  # the next new note starts from the author's draft, not from the edited note
        self._say("Change saved; the earlier version is kept.")
        return edited

    def delete_selected(self) -> bool:
        note = self.selected_note()
        if note is None or not self._may_change(note):
            return False
        try:
            self.store.set_deleted(note.id, True)
        except StorageError as exc:
            self._say(f"Not deleted: {exc}", problem=True)
            return False
        self._deleted.append(note)
        self.feed_model.remove(note.id)
        self._say("Note deleted. Ctrl+Z brings it back.")
        return True

    def undo_delete(self) -> Observation | None:
        if not self._deleted:
            self._say("Nothing to bring back.")
            return None
        note = self._deleted[-1]
        try:
            self.store.set_deleted(note.id, False)
        except StorageError as exc:
            self._say(f"Not brought back: {exc}", problem=True)
            return None
        self._deleted.pop()
        self.feed_model.append([note])
        self._say("Note brought back.")
        return note

    def _may_change(self, note: Observation) -> bool:
        return note.author_id == self.author_id or self.gate.request("edit_others_notes")

    # --- privacy and the feed ----------------------------------------------------------

    def _refresh_privacy(self) -> None:
        """Private capture: until the session ends, each person's list shows only their notes."""
        private = self.private_toggle.isChecked() and self.session.status != "ended"
        self.own_proxy.set_filter("author_id", self.author_id if private else ANY)
        self.notes_view.setColumnHidden(PERSON, private)
        self.notes_label.setText("My &notes" if private else "&Notes from everyone")
        self.feed.setVisible(self.author_id is None and not self.gate.locked)

    def _set_filter_options(self, field: str, options: list[tuple[str, object]]) -> None:
        combo = self.filters[field]
        values, index = self._filter_values.get(field, []), combo.currentIndex()
        current = values[index] if 0 <= index < len(values) else ANY
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([label for label, _ in options])
        self._filter_values[field] = [value for _, value in options]
        index = next((i for i, (_, v) in enumerate(options) if v is current or v == current), 0)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _refresh_step_filter(self) -> None:
        steps = [("Any step", ANY), ("No step", "")] + [(s, s) for s in self.session.journey_steps]
        self._set_filter_options("journey_step", steps)

    def _on_filter_changed(self, field: str, index: int) -> None:
        if index >= 0:
            self.feed_proxy.set_filter(field, self._filter_values[field][index])

    def _on_clock_event(self, event: str) -> None:
        if event == STATUS_CHANGED:
            self._refresh_privacy()

    # --- the facilitator lock ------------------------------------------------------------

    def _on_lock_triggered(self) -> None:
        """Ctrl+L and the lock button: unlock with the PIN, or lock (setting a PIN the first time)."""
        if self.gate.locked:
            self.gate.unlock()
            return
        if self.lock.pins.has_pin() or self._ask_new_pin():
            self.gate.lock_now()
        self._return_to_note_box()

    def _return_to_note_box(self) -> None:
        """After any PIN prompt the next keystroke is a note's, never a PIN's or a button's."""
        if self.isVisible():
            self.editor.setFocus()

    def _ask_new_pin(self) -> bool:
        pin = dialogs.ask_pin(self, "Set a facilitator PIN", "Choose a PIN (at least 4 characters):")
        return pin is not None and self._store_new_pin(pin)

    def _store_new_pin(self, pin: str) -> bool:
        """Confirm *pin* by asking for it again, then save it (as a salted hash)."""
        if dialogs.ask_pin(self, "Set a facilitator PIN", "Type the PIN again:") != pin:
            self._say("The two PINs differ; nothing was changed.", problem=True)
            return False
        try:
            self.lock.pins.set_pin(pin)
        except ValueError as exc:
            self._say(str(exc), problem=True)
            return False
        return True

    def change_pin(self) -> bool:
        """Replace or remove the PIN; the current PIN is asked first. True when something changed."""
        if self.lock.locked or not self.lock.pins.has_pin():
            return False
        try:
            return self._change_pin()
        finally:
            self._return_to_note_box()

    def _change_pin(self) -> bool:
        current = dialogs.ask_pin(self, "Change PIN", "Current facilitator PIN:")
        if current is None:
            return False
        try:
            right = self.lock.pins.check_pin(current)
        except PinBackoff as exc:
            self._say(str(exc), problem=True)
            return False
        if not right:
            self._say("That PIN is not right; the PIN stays as it was.", problem=True)
            return False
        new = dialogs.ask_pin(self, "Change PIN", "New PIN (leave empty to remove the PIN):")
        if new is None:
            return False
        if new == "":
            self.lock.pins.clear_pin()
            self._say("The PIN is removed; nothing is locked until a new one is set.")
        elif not self._store_new_pin(new):
            return False
        else:
            self._say("The PIN is changed.")
        self._refresh_lock_ui()
        return True

    def _refresh_lock_ui(self) -> None:
        locked = self.gate.locked
        has_pin = self.lock.pins.has_pin()
        self.actions_by_id["change_pin"].setEnabled(not locked and has_pin)
        self.change_pin_button.setVisible(not locked and has_pin)
        lock = self.actions_by_id["lock"]
        lock.setText("Unlock" if locked else "Lock for participants")
        lock.setToolTip(
            (
                "Give the facilitator PIN to unlock"
                if locked
                else "Lock the clock, ending, the facilitator's name, others' notes, export and quitting behind a PIN"
            )
            + " (Ctrl+L)"
        )
        self.lock_button.setText(lock.text() + "…")  # the key is the action's, so the text may change freely
        self.lock_button.setAccessibleName(lock.text())
        self.lock_button.setToolTip(lock.toolTip())
        self.private_toggle.setEnabled(not locked)
        self._refresh_privacy()

    # --- messages and shutdown ---------------------------------------------------------------

    def _say(self, text: str, problem: bool = False) -> None:
        """Tell the current author; their message comes back with them after a switch."""
        self._messages[self.author_id] = (text, problem)
        self._show_message(text, problem)

    def _show_message(self, text: str, problem: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("state", "problem" if problem else "ok")
        self.status.setStyleSheet("color: #B8323F; font-weight: bold;" if problem else "")

    def shutdown(self) -> None:
        """Persist every draft and stop listening to the clock; call before the page goes away."""
        self.flush_drafts()
        if self._on_clock_event in self.clock.listeners:
            self.clock.listeners.remove(self._on_clock_event)


_EDITABLE = ("text", "kind", "severity", "journey_step", "tags", "lingo_flag", "solution_flag")


def _letters_by_kind() -> list[str]:
    letter_of = {kind: letter for letter, kind in KIND_LETTERS.items()}
    return [letter_of[key] for key, _, _ in KINDS]


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


FEED_COLUMNS = (TIME, PERSON, KIND, SEVERITY, NOTE)


def table_view(model, name: str, shown: tuple[int, ...]) -> QTableView:
    """A read-only list of notes, one row each, showing the *shown* columns."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setToolTip(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole note is in the cell's tooltip
    view.verticalHeader().setVisible(False)
    for column in range(model.columnCount()):
        view.setColumnHidden(column, column not in shown)
    fit_note_columns(view, model.sourceModel().session)  # Time, Person, Kind whole; Note takes the rest
    return view


def _append_fallback(path, session: Session, note: Observation) -> None:
    """Append one note as plain text and fsync it: the last resort when the database fails."""
    stamp = datetime.datetime.fromtimestamp(note.wall_time).isoformat(timespec="seconds")
    lines = [
        f"--- {stamp} | {session.title} | {session.author_name(note.author_id)} | "
        f"{KIND_LABELS.get(note.kind, note.kind)} {note.severity} | {note.journey_step}",
        note.text,
    ]
    lines += [f"I expected: {note.expected}"] if note.expected else []
    lines += [f"What happened: {note.happened}"] if note.happened else []
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n\n")
        handle.flush()
        os.fsync(handle.fileno())
