"""The Capture tab: people take turns at one laptop and write notes that are never lost.

Drafts: every author's unsaved text, with the kind, severity, journey step and classic
fields chosen around it, lives in a DraftBook (studygroup.drafts) and reaches the database
about 400 ms after the last change, on every switch of author and on shutdown.
A note is reported "Saved" only after the store has committed it; if the store
fails, the text stays in the editor and is appended to a fallback text file.

The page composes its rooms and wires them together: the person bar, the note form with My
notes under it, the facilitator's live feed and the lock controller.
"""

from __future__ import annotations

import dataclasses
import logging
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from studygroup.clock import STATUS_CHANGED, SessionClock
from studygroup.drafts import DraftBook, DraftChoices, note_from
from studygroup.errors import StorageError
from studygroup.fallback import FALLBACK_FILE, keep_unsaved
from studygroup.model import Observation, Session
from studygroup.notes import remember_journey_step
from studygroup.nudges import load_solution_phrases
from studygroup.storage.store import Store
from studygroup.summary import clock_text
from ui.actions import ACTION_PROPERTY
from ui.capture.feed_model import NotesModel
from ui.capture.feed_panel import FeedPanel
from ui.capture.keys import build_key_families, build_page_actions
from ui.capture.lock_controller import LockController
from ui.capture.note_form import NoteForm
from ui.capture.own_notes import OwnNotesPanel
from ui.capture.person_bar import AuthorBand, PersonBar, first_name, person_colour
from ui.facilitator_gate import FacilitatorGate
from ui.timers import make_timer

__all__ = ["FALLBACK_FILE", "CapturePage"]  # the tests find the fallback file's name here

log = logging.getLogger("studygroup.capture")

DRAFT_DEBOUNCE_MS = 400
_EDITABLE = ("text", "kind", "severity", "journey_step", "tags", "lingo_flag", "solution_flag")


class CapturePage(QWidget):
    """Person bar, note form with nudges, own notes, the facilitator's feed and the lock."""

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
        self.drafts = DraftBook(session.id, store.drafts(session.id))
        self._messages: dict[str | None, tuple[str, bool]] = {}  # each author's last status line
        self.draft_timer = make_timer(self, DRAFT_DEBOUNCE_MS, single_shot=True)
        self.draft_timer.timeout.connect(self.flush_drafts)
        self.feed_model = NotesModel(session, self)
        self.feed_model.load(partial(store.observations_before, session.id))  # the newest now, older ones next
        self._build()
        self.actions_by_id = build_page_actions(self)
        build_key_families(self)
        self._connect()
        self.clock.listeners.append(self._on_clock_event)
        self._show_draft()  # the facilitator's, so the first switch keeps their choices and not blank ones
        self.switch_author(session.participants[0].id if session.participants else None)
        self.lock_ui.refresh()

    # --- building and wiring --------------------------------------------------------------

    def _build(self) -> None:
        self.person_bar = PersonBar(self.session)
        self.person_bar.buttons[None].setProperty(ACTION_PROPERTY, "write_as_facilitator")  # one more route to it
        self.lock_ui = LockController(self.gate, self)
        self.author_band = AuthorBand()
        self.own_notes = OwnNotesPanel(self.store, self.feed_model, self._may_change)
        self.form = NoteForm(self.session, self.phrases, notes_list=self.own_notes)
        self.feed = FeedPanel(self.session, self.feed_model)
        self._name_parts()
        top = QHBoxLayout()
        for widget, stretch in ((self.person_bar, 1), (self.lock_button, 0), (self.change_pin_button, 0)):
            top.addWidget(widget, stretch)
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(self.form)
        splitter.addWidget(self.feed)
        splitter.setStretchFactor(0, 1)  # the feed keeps its readable width; the note form takes the rest
        splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.author_band)
        layout.addWidget(splitter, 1)

    def _name_parts(self) -> None:
        """The panels' widgets and commands under the names the session page and the tests reach them by."""
        form, notes, feed = self.form, self.own_notes, self.feed
        self.editor, self.status, self.save_button = form.editor, form.status, form.save_button
        self.kinds, self.severity, self.step_edit = form.kinds, form.severity, form.step_edit
        self.step_completions, self.classic_toggle = form.step_completions, form.classic_toggle
        self.expected_edit, self.happened_edit = form.expected_edit, form.happened_edit
        self.nudges, self.rule1_hint, self.rule2_hint = form.nudges, form.rule1_hint, form.rule2_hint
        self.rule2_row, self.keep_as_idea = form.rule2_row, form.keep_as_idea
        self.notes_view, self.own_proxy = notes.notes_view, notes.own_proxy
        self.private_toggle, self.edit_button = notes.private_toggle, notes.edit_button
        self.delete_button, self.undo_button = notes.delete_button, notes.undo_button
        self.delete_selected, self.undo_delete = notes.delete_selected, notes.undo_delete
        self.feed_view, self.feed_proxy, self.filters = feed.feed_view, feed.feed_proxy, feed.filters
        self.lock_button, self.change_pin_button = self.lock_ui.lock_button, self.lock_ui.change_pin_button
        self.band, self.persona = self.author_band.band, self.author_band.persona

    def _connect(self) -> None:
        self.person_bar.chosen.connect(self._on_person_chosen)
        self.form.text_edited.connect(self._on_text_edited)
        self.form.choices_edited.connect(self._on_choices_edited)
        self.editor.submitted.connect(self.save_current)
        self.editor.cancelled.connect(self.cancel_edit)
        self.step_edit.submitted.connect(self._on_step_edit_submitted)
        self.save_button.clicked.connect(self.save_current)
        self.private_toggle.toggled.connect(lambda _on: self._refresh_privacy())
        self.lock_ui.refreshed.connect(self._on_lock_refreshed)
        for source in (self.own_notes, self.lock_ui, self.gate):
            source.said.connect(self._say)
        self.feed_model.load_failed.connect(self._on_feed_model_load_failed)
        for source in (self.lock_ui, self.gate):
            source.prompted.connect(self._return_to_note_box)

    # --- who is writing -----------------------------------------------------------------

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
        if self.form.editing is not None:
            self.cancel_edit()
        self.drafts.keep_choices(self.author_id, self.form.choices())
        self.author_id = author_id
        self._show_author()
        self._show_draft()
        self._refresh_privacy()
        self._refresh_draft_marks()
        self.flush_drafts()  # after the switch, so a failure is said to whoever has the laptop now
        if self.isVisible():  # a switch from the Run tab (a question round's turn) leaves its keys where they are
            self.editor.setFocus()

    def _show_author(self) -> None:
        self.person_bar.show_current(self.author_id)
        self.author_band.show_author(self.session, self.author_id)
        self.form.show_message(*self._messages.get(self.author_id, ("", False)))  # never someone else's "Saved"
        self.form.greet(
            first_name(self.session.author_name(self.author_id)), person_colour(self.session, self.author_id)
        )

    def _show_draft(self) -> None:
        self.form.fill(self.drafts.choices(self.author_id), self.drafts.text(self.author_id))

    # --- drafts -------------------------------------------------------------------------

    def _on_text_edited(self) -> None:
        self.drafts.keep_text(self.author_id, self.editor.toPlainText())
        self.draft_timer.start()
        self._refresh_draft_marks()

    def _on_choices_edited(self) -> None:
        """Kind, severity, step and the classic fields are part of the draft: on disk like the text."""
        self.drafts.keep_choices(self.author_id, self.form.choices())
        self.draft_timer.start()

    def _refresh_draft_marks(self) -> None:
        """Whoever left unsent text sees a mark on their chip, so nothing is forgotten at the end."""
        self.person_bar.show_drafts(self.drafts.authors_with_text())

    def flush_drafts(self) -> bool:
        """Write every changed draft now; False (and a visible message) when the store fails."""
        self.draft_timer.stop()
        try:
            for draft in self.drafts.write_pending(self.store.save_draft):
                self.draft_persisted.emit(draft)
        except StorageError as exc:
            self._say(f"Drafts are kept on screen but could not be saved: {exc}", problem=True)
            return False
        return True

    def unsent_drafts(self) -> list[str | None]:
        """Authors whose draft holds text, in the person bar's order (the facilitator last)."""
        return self.drafts.unsent([p.id for p in self.session.participants] + [None])

    def save_drafts_as_notes(self) -> int | None:
        """Save each unsent draft as its author's note, with the kind, severity and step chosen around it.

        Returns how many were saved, or None when the store failed (what was not saved stays a draft).
        """
        if self.form.editing is None:
            self.drafts.keep_choices(self.author_id, self.form.choices())
        saved = 0
        for author in self.unsent_drafts():
            choices = self.drafts.choices(author)
            step = self.form.known_step(choices.journey_step)
            note = self._new_note(author, self.drafts.text(author), dataclasses.replace(choices, journey_step=step))
            try:
                self.store.add_observation(note)
            except StorageError as exc:
                self._say(f"Not every draft could be saved: {exc} The rest stay as drafts.", problem=True)
                return None
            self.drafts.clear(author)
            self.feed_model.append([note])
            self._remember_step(note.journey_step)
            saved += 1
        self.flush_drafts()
        if self.form.editing is None:
            self._show_draft()  # the current author's box is empty now too
        self._refresh_draft_marks()
        return saved

    # --- saving notes -------------------------------------------------------------------

    def save_current(self) -> Observation | None:
        """Save the editor's note (or the edit in progress); returns it once it is committed."""
        if self.form.editing is not None:
            return self._save_edit()
        try:
            note = self._new_note(self.author_id, self.editor.toPlainText(), self.form.note_choices())
        except ValueError as exc:
            self._say(str(exc), problem=True)
            return None
        try:
            self.store.add_observation(note)
        except StorageError as exc:
            self._say(keep_unsaved(self.store.path.parent, self.session, note, exc), problem=True)
            return None
        self._after_saved(note)
        return note

    def _new_note(self, author_id: str | None, text: str, choices: DraftChoices) -> Observation:
        """A note in *author_id*'s name, stamped now; ValueError says why *text* cannot be one."""
        return note_from(self.session, author_id, text, choices, self.clock, self.now(), self.phrases)

    def _after_saved(self, note: Observation) -> None:
        self.drafts.keep_text(self.author_id, "")
        self.form.reset_after_save()
        self.drafts.keep_choices(self.author_id, self.form.choices())
        self.flush_drafts()  # the saved text must not come back as a draft after a crash
        self.form.set_text("")
        self._refresh_draft_marks()
        self._remember_step(note.journey_step)
        self.feed_model.append([note])
        self._say(f"Saved at {clock_text(note.session_seconds)}.")
        log.info("note saved %s", note.id)  # ids only: what people wrote stays out of the log
        self.note_saved.emit(note)

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

    def _refresh_step_filter(self) -> None:
        self.feed.refresh_step_filter()

    def _on_step_edit_submitted(self) -> None:
        if self.save_current() is not None:
            self.editor.setFocus()  # the next note starts with its text

    def keep_as_idea_for_later(self) -> Observation | None:
        """Rule 2's one click: save the note as an Idea for later instead."""
        self.kinds.set_value("idea")
        return self.save_current()

    # --- editing one's own notes ----------------------------------------------------------

    def edit_selected(self) -> bool:
        """Load the selected note into the editor; Enter saves the change, Esc cancels."""
        note = self.own_notes.selected_note()
        if note is None or not self._may_change(note):
            return False
        self.form.begin_edit(note)
        return True

    def cancel_edit(self) -> None:
        if self.form.editing is not None:
            self.form.end_edit()
            self._show_draft()  # the author's own draft and choices, not the note's

    def _save_edit(self) -> Observation | None:
        old = self.form.editing
        # Keep who, when, where and the classic fields from the original; take only the new content.
        choices = dataclasses.replace(self.form.note_choices(), expected=old.expected, happened=old.happened)
        try:
            fresh = self._new_note(old.author_id, self.editor.toPlainText(), choices)
        except ValueError as exc:
            self._say(str(exc), problem=True)
            return None
        edited = dataclasses.replace(old, **{f: getattr(fresh, f) for f in _EDITABLE})
        try:
            self.store.update_observation(edited)
        except StorageError as exc:
            self._say(f"The change is not saved: {exc} Your text stays here.", problem=True)
            return None
        self.form.end_edit()
        self.feed_model.replace(edited)
        self._remember_step(edited.journey_step)
        self._show_draft()  # the next new note starts from the author's draft, not from the edited note
        self._say("Change saved; the earlier version is kept.")
        return edited

    def _may_change(self, note: Observation) -> bool:
        return note.author_id == self.author_id or self.gate.request("edit_others_notes")

    # --- privacy, the lock, messages and shutdown -------------------------------------------

    def _refresh_privacy(self) -> None:
        """Private capture: until the session ends, each person's list shows only their notes."""
        private = self.private_toggle.isChecked() and self.session.status != "ended"
        self.own_notes.show_notes_of(self.author_id, private)
        self.feed.setVisible(self.author_id is None and not self.gate.locked)

    def _on_clock_event(self, event: str) -> None:
        if event == STATUS_CHANGED:
            self._refresh_privacy()

    def _on_lock_refreshed(self) -> None:
        self.private_toggle.setEnabled(not self.gate.locked)  # participants cannot lift privacy either
        self._refresh_privacy()

    def change_pin(self) -> bool:
        """Replace or remove the PIN; the current PIN is asked first. True when something changed."""
        return self.lock_ui.change_pin()

    def _return_to_note_box(self) -> None:
        """After any PIN prompt the next keystroke is a note's, never a PIN's or a button's."""
        if self.isVisible():
            self.editor.setFocus()

    def _on_feed_model_load_failed(self, sentence: str) -> None:
        self._say(sentence, problem=True)

    def _say(self, text: str, problem: bool = False) -> None:
        """Tell the current author; their message comes back with them after a switch."""
        self._messages[self.author_id] = (text, problem)
        self.form.show_message(text, problem)

    def shutdown(self) -> None:
        """Persist every draft, stop loading older notes and stop listening to the clock; call before the page goes."""
        self.feed_model.cancel_loading()  # its next chunk would read a store that may be closed by then
        self.flush_drafts()
        if self._on_clock_event in self.clock.listeners:
            self.clock.listeners.remove(self._on_clock_event)
