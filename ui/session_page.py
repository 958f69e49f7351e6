"""One open session: Run, Capture and Review tabs around one SessionClock."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from studygroup.clock import STATUS_CHANGED, SessionClock, SystemTime
from studygroup.errors import StorageError
from studygroup.exchange.library_folder import on_session_ended
from studygroup.model import Session
from studygroup.roster import record_participation
from studygroup.storage.store import Store
from ui import dialogs
from ui.capture.page import CapturePage
from ui.facilitator_gate import FacilitatorGate
from ui.review.page import ReviewPage
from ui.run.console import END_QUESTION, RunConsole

RUN, CAPTURE, REVIEW = 0, 1, 2


class SessionPage(QWidget):
    """Owns the open session's one Session object, its clock (persisted through store.save_clock) and the tabs.

    Run, Capture, Review and the question round all get this same object and never replace it;
    they change the store only through narrow methods (save_clock, add_journey_step,
    rename_journey_step, save_airtime), so no tab writes a stale session over another's change.
    """

    storage_problem = Signal(str)  # one sentence for the window's notice bar

    def __init__(self, store: Store, session: Session, time_source=None, parent=None):
        super().__init__(parent)
        self.store, self.session = store, session
        self._clock_problem = ""  # the last storage failure said about the clock, said once
        self.clock = SessionClock(session, time_source or SystemTime(), persist=self._save_clock)
        self.gate = FacilitatorGate(store, self.clock.time.wall, self)  # one lock for every tab and route
        self.console = RunConsole(session, self.clock, parent=self, store=store, gate=self.gate)
        self.capture = CapturePage(store, session, self.clock, self, gate=self.gate)
        self.addAction(self.capture.actions_by_id["lock"])  # Ctrl+L locks and unlocks from every tab
        if self.console.question_round is not None:
            self.console.question_round.turn_changed.connect(self._on_question_round_turn_changed)
            # The round's keys also work from the Capture tab, where the answers are typed.
            self.addActions(list(self.console.question_round.actions_by_id.values()))
        # The review counts the notes the capture page already holds: one copy of a big session in memory.
        self.review = ReviewPage(
            store, session, parent=self, notes_source=self.capture.feed_model.notes, gate=self.gate
        )
        self.review.notes_changed.connect(self._on_review_notes_changed)
        self.review.journey_steps_changed.connect(self.capture.show_journey_steps)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Session views")
        self.tabs.addTab(self.console, "&Run")
        self.tabs.addTab(self.capture, "Ca&pture")
        self.tabs.addTab(self.review, "Re&view")
        for index, tip in enumerate(
            (
                "The clock and agenda (Alt+R)",
                "Write notes (Alt+P)",
                "Headline numbers, charts, follow-ups and export (Alt+V)",
            )
        ):
            self.tabs.setTabToolTip(index, tip)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.console.session_ended.connect(self._on_console_session_ended)
        self.console.confirm_end = self._confirm_end
        self.clock.listeners.append(self._on_clock_event)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        if session.status == "ended":
            self.tabs.setCurrentIndex(REVIEW)

    def _save_clock(self, session: Session) -> None:
        """The clock keeps time in memory whatever the disk does; a failure to save it is said once."""
        try:
            self.store.save_clock(session)
        except StorageError as exc:
            problem = f"The clock keeps running, but its state could not be saved: {exc}"
            if problem != self._clock_problem:
                self._clock_problem = problem
                self.storage_problem.emit(problem)
        else:
            self._clock_problem = ""

    def _on_question_round_turn_changed(self, participant_id: str | None) -> None:
        """Hand the capture laptop to whoever's turn it is, so their answer is a note in their name."""
        if participant_id is not None:
            self.capture.switch_author(participant_id)

    def _on_review_notes_changed(self) -> None:
        self.capture.feed_model.set_notes(self.store.observations(self.session.id))

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == REVIEW:
            self.review.refresh()
        elif index == CAPTURE:
            self.capture.editor.setFocus()  # whoever has the laptop can type at once, and Ctrl+1..9 work

    def _on_clock_event(self, event: str) -> None:
        if event == STATUS_CHANGED and self.session.status == "running":
            self._record_participation()

    def _record_participation(self) -> None:
        """The roster remembers who took part, so random groups can prefer newcomers next time."""
        try:
            record_participation(self.store, self.session)
        except StorageError as exc:
            dialogs.inform(self, "Participation not recorded", f"The notes are safe, but {exc}")

    def _confirm_end(self) -> bool:
        """End the session? With unsent drafts, offer to save them as notes first (or keep them as drafts)."""
        waiting = self.capture.unsent_drafts()
        if not waiting:
            return dialogs.ask_yes_no(self, "End session", END_QUESTION)
        names = [self.session.author_name(author) for author in waiting]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        text = (
            f"{who} {'has an unsent draft' if len(names) == 1 else 'have unsent drafts'}. "
            "Save them as notes before the clock stops for good?"
        )
        choice = dialogs.choose(self, "End session", text, ["Save as notes and end", "End, keep them as drafts"])
        if choice == 0:
            return self.capture.save_drafts_as_notes() is not None
        return choice == 1 and self.capture.flush_drafts()  # kept as drafts: on disk before the clock stops

    def _on_console_session_ended(self) -> None:
        self._record_participation()
        self._backup_after_session()
        self._write_to_library_folder()
        self.review.refresh()
        self.tabs.setCurrentIndex(REVIEW)

    def _backup_after_session(self) -> None:
        """Every ended session gets an online backup; a failure is said, never fatal."""
        try:
            self.store.backup()
        except (StorageError, OSError, sqlite3.Error) as exc:
            dialogs.inform(self, "Backup failed", f"The notes are saved, but the backup failed. {exc}")

    def _write_to_library_folder(self) -> None:
        """With a team's library folder set, the ended session's bundle goes there; a folder away is said calmly."""
        try:
            problem = on_session_ended(self.store, self.session.id)
        except (StorageError, sqlite3.Error) as exc:
            problem = str(exc)
        if problem:
            said = "The session is saved here; its bundle did not reach the library folder."
            self.storage_problem.emit(f"{said} {problem}")

    def shutdown(self) -> None:
        """Stop timers and close the projector before the page goes away."""
        self.console.timer.stop()
        if self.console.question_round is not None:
            self.console.question_round.shutdown()  # the turn in progress keeps its airtime
        self.review.shutdown()
        self.capture.shutdown()  # the last drafts reach the disk
        if self.console.projector is not None:
            self.console.projector.close()
