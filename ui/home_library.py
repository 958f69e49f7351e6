"""Home's commands on the selected session: rename, duplicate as a new plan, archive, the trash and its undo.

Each is a row of the action table, built here and run behind the window's facilitator lock
(`request`, the same question MainWindow asks before New session). A refusal (a blank title, a
running session, a disk that says no) is one sentence on Home's status line; nothing is changed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from studygroup.errors import StudygroupError
from studygroup.storage.store import Store
from ui.actions import build_action

# ui.dialogs and studygroup.reuse are imported by the commands that use them: Home shows sooner without them.

ROW_ACTIONS = ("rename_session", "duplicate_session", "archive_session", "trash_session")
TRASH_ACTIONS = ("restore_session", "delete_forever")
ACTION_IDS = ("find_sessions", *ROW_ACTIONS, "show_archived", "undo_trash", "show_trash", *TRASH_ACTIONS)
RENAME_LABEL = "New title:"


class HomeView(Protocol):
    """What the commands need of ui.home_page.HomePage, named here so the two files do not import each other."""

    store: Store
    today: Callable[[], datetime.date]

    def selected_row(self) -> dict | None: ...
    def reload(self, select: str | None = None) -> None: ...
    def focus_search(self) -> None: ...
    def show_trash(self, shown: bool) -> None: ...
    def show_archived(self, shown: bool) -> None: ...


class LibraryActions(QObject):
    """The library's actions of one Home page, by id; `said` a sentence for the status line (and if a problem)."""

    said = Signal(str, bool)
    trashed = Signal(str)  # a session went to the trash: the sentence for the window's notice, with Undo
    plan_requested = Signal(object)  # a new plan (an unsaved Session) from a past one, for the plan page

    def __init__(self, page: HomeView, owner: QWidget, request: Callable[[str], bool]):
        super().__init__(owner)
        self.page, self.owner, self.request = page, owner, request
        self.undo_ids: list[str] = []  # the sessions trashed here, the last one last
        self.actions_by_id = {action_id: build_action(action_id, owner) for action_id in ACTION_IDS}
        owner.addActions(list(self.actions_by_id.values()))
        for action_id, slot in (
            ("find_sessions", page.focus_search),
            ("rename_session", self.rename),
            ("duplicate_session", self.duplicate),
            ("archive_session", self.toggle_archived),
            ("show_archived", page.show_archived),
            ("trash_session", self.move_to_trash),
            ("undo_trash", self.undo_trash),
            ("show_trash", page.show_trash),
            ("restore_session", self.restore),
            ("delete_forever", self.delete_forever),
        ):
            self._wire(self.actions_by_id[action_id], slot)

    def _wire(self, action: QAction, slot: Callable[..., object]) -> None:
        """Run *slot* when *action* is triggered and the lock allows it (a refused tick goes back)."""

        def on_triggered(checked: bool = False) -> None:
            if self.request(action.objectName()):
                slot(checked) if action.isCheckable() else slot()
            elif action.isCheckable():
                with QSignalBlocker(action):
                    action.setChecked(not checked)

        action.triggered.connect(on_triggered)

    def context_menu(self, trash: bool) -> QMenu:
        """The table's context menu: the same actions as the buttons under it."""
        menu = QMenu(self.owner)
        menu.setAccessibleName("Session actions")
        menu.addActions([self.actions_by_id[a] for a in (TRASH_ACTIONS if trash else ROW_ACTIONS)])
        return menu

    def show_selection(self, row: dict | None) -> None:
        """Archive says Unarchive for an archived session."""
        archived = row is not None and row.get("archived_at") is not None
        self.actions_by_id["archive_session"].setText("Unarchive" if archived else "Archive")

    # --- the commands -----------------------------------------------------------------

    def _selected(self) -> dict | None:
        row = self.page.selected_row()
        if row is None:
            self.said.emit("Select a session in the list first.", False)
        return row

    def _attempt(self, change: Callable[[], object], select: str | None, done: str) -> bool:
        """Run one store change; reload the list selecting *select* and say *done*, or say why not."""
        try:
            change()
        except StudygroupError as exc:
            self.said.emit(str(exc), True)
            return False
        self.page.reload(select=select)
        self.said.emit(done, False)
        return True

    def rename(self) -> None:
        row = self._selected()
        if row is None:
            return
        from ui import dialogs

        label, text = RENAME_LABEL, str(row["title"])
        while (answer := dialogs.ask_text(self.owner, "Rename session", label, text)) is not None:
            try:
                title = self.page.store.rename_session(str(row["id"]), answer)
            except StudygroupError as exc:  # asked again, the sentence above the field
                label, text = f"{exc}\n\n{RENAME_LABEL}", answer
                continue
            self.page.reload(select=str(row["id"]))
            self.said.emit(f"Renamed to “{title}”.", False)
            return

    def duplicate(self) -> None:
        """The selected session's card, group and agenda as a new plan, dated today, on the plan page to adjust."""
        row = self._selected()
        if row is None:
            return
        from studygroup.reuse import plan_again

        try:
            plan = plan_again(self.page.store.load_session(str(row["id"])), self.page.today())
        except StudygroupError as exc:
            self.said.emit(str(exc), True)
            return
        self.plan_requested.emit(plan)

    def toggle_archived(self) -> None:
        row = self._selected()
        if row is not None:
            archive = row.get("archived_at") is None
            done = (
                f"Archived “{row['title']}”; “Show archived” lists it." if archive else f"Unarchived “{row['title']}”."
            )
            self._attempt(lambda: self.page.store.set_archived(str(row["id"]), archive), str(row["id"]), done)

    def move_to_trash(self) -> None:
        row = self._selected()
        if row is None:
            return
        session_id = str(row["id"])
        if self._attempt(lambda: self.page.store.move_to_trash(session_id), None, ""):
            self.undo_ids.append(session_id)
            self.trashed.emit(f"Moved “{row['title']}” to the trash.")

    def undo_trash(self) -> None:
        if not self.undo_ids:
            self.said.emit("Nothing to bring back.", False)
            return
        session_id = self.undo_ids[-1]
        if self._attempt(lambda: self.page.store.restore_from_trash(session_id), session_id, "Brought back."):
            self.undo_ids.pop()

    def restore(self) -> None:
        row = self._selected()
        if row is not None:
            session_id = str(row["id"])
            self._forget(session_id)
            self._attempt(lambda: self.page.store.restore_from_trash(session_id), None, f"Restored “{row['title']}”.")

    def delete_forever(self) -> None:
        row = self._selected()
        if row is None:
            return
        notes = "1 note" if row["notes"] == 1 else f"{row['notes']} notes"
        question = (
            f"Delete “{row['title']}” and its {notes} for good?\n\n"
            "This cannot be undone; a backup made before now still holds it."
        )
        from ui import dialogs

        if dialogs.ask_yes_no(self.owner, "Delete forever", question):
            session_id = str(row["id"])
            self._forget(session_id)
            self._attempt(lambda: self.page.store.delete_forever(session_id), None, f"Deleted “{row['title']}”.")

    def _forget(self, session_id: str) -> None:
        """A session restored or deleted from the trash view is no longer Undo's to bring back."""
        self.undo_ids = [known for known in self.undo_ids if known != session_id]
