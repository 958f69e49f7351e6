"""The main window: Home and one open session in a stack, with the window-level actions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from studygroup.storage.store import Store
from ui import app_settings
from ui.actions import ACTION_PROPERTY, build_actions, icon
from ui.background import StoreWorker
from ui.help import add_help_menu
from ui.home_page import HomePage
from ui.window_fit import fit_to_screen

# What Home does not show is imported where it is first used (the demo, bundles, the library folder,
# the other pages): start-up pays only for Home. tests/ui/test_startup_imports.py holds that.
if TYPE_CHECKING:
    from studygroup.exchange.bundle import ImportReport
    from studygroup.exchange.library_folder import SyncReport
    from studygroup.model import Session
    from ui.session_page import SessionPage

GEOMETRY_KEY = "main_window/geometry"


class MainWindow(QMainWindow):
    """Shows Home or a SessionPage; `clock_time_source` is injected for tests and screenshots."""

    def __init__(self, store: Store, clock_time_source=None):
        super().__init__()
        self.store, self.time_source = store, clock_time_source
        self.session_page: SessionPage | None = None
        self.plan_page = None  # ui.plan.page.PlanPage, built on first "New session"
        self.trends_page = None  # ui.library.trends_page.TrendsPage, built on first "Trends"
        self.search_panel = None  # ui.library.search_panel.SearchPanel, built on first "Search notes"
        self.setWindowIcon(icon("app"))
        self.worker = StoreWorker(store, self)  # imports and syncs, off the UI thread
        self.worker.started.connect(self._show_working)
        self.worker.ended.connect(self._hide_working)
        # The frame first, then Home built inside it: under the app's stylesheet every reparenting
        # restyles the moved widget and all its children, so each widget is placed once.
        self.stack = QStackedWidget()
        self.notice = NoticeBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.home = HomePage(store, self.stack, request=self._may)
        self.stack.addWidget(self.home)
        self.home.session_chosen.connect(self.open_session)
        self.home.session_trashed.connect(self._on_home_session_trashed)
        self.home.new_session_requested.connect(self._guarded("new_session", self.show_new_session))
        self.home.plan_requested.connect(self.show_new_session)  # Home's own action asked the lock already
        self.home.demo_requested.connect(self._guarded("open_demo", self.open_demo))
        self.home.trends_requested.connect(self._guarded("show_trends", self.show_trends))
        self.home.search_requested.connect(self._guarded("search_notes", self.show_search))
        self._build_menu()
        self.setAcceptDrops(True)  # a bundle dropped on the window is imported
        geometry = app_settings().value(GEOMETRY_KEY)
        restored = geometry is not None and self.restoreGeometry(geometry)
        fit_to_screen(self, restored)  # a 1366x768 laptop or a 1280x720 projector shows the whole window
        self.show_home()

    def _build_menu(self) -> None:
        self.actions_by_id = build_actions(("go_home", "quit", "import_bundle", "sync_folder", "library_folder"), self)
        self.actions_by_id["go_home"].triggered.connect(self._guarded("go_home", self.show_home))
        self.actions_by_id["quit"].triggered.connect(self.close)  # closeEvent asks the lock, as the title bar's X does
        self.actions_by_id["import_bundle"].triggered.connect(self._guarded("import_bundle", self.import_bundle))
        self.actions_by_id["sync_folder"].triggered.connect(self._guarded("sync_folder", self.sync_folder))
        self.actions_by_id["library_folder"].triggered.connect(self._guarded("library_folder", self.choose_folder))
        # No mnemonic: Alt+F is the Capture tab's Friction key.
        file_menu = self.menuBar().addMenu("File")
        file_menu.addAction(self.actions_by_id["import_bundle"])
        file_menu.addSeparator()
        file_menu.addActions([self.actions_by_id["sync_folder"], self.actions_by_id["library_folder"]])
        menu = self.menuBar().addMenu("&Go")
        menu.addActions(
            [self.home.actions_by_id[key] for key in ("new_session", "open_demo", "show_trends", "search_notes")]
        )
        menu.addSeparator()
        menu.addActions([self.actions_by_id["go_home"], self.actions_by_id["quit"]])
        add_help_menu(self)  # Help > Keyboard shortcuts (F1)

    def _may(self, action_id: str) -> bool:
        """True when *action_id* may go ahead: no session is open (nothing is locked on Home), or its lock allows it."""
        return self.session_page is None or self.session_page.gate.request(action_id)

    def _guarded(self, action_id: str, slot):
        """*slot* behind the open session's facilitator lock (nothing is locked on Home or the plan page)."""

        def guarded(*_args) -> None:
            if self._may(action_id):
                slot()

        return guarded

    # --- bundles from other laptops -------------------------------------------------------

    def import_bundle(self, path: Path | None = None) -> bool:
        """Import a bundle in the background (asking for the file when *path* is None); True when started."""
        from ui.bundle_import import ask_and_import, import_file

        if path is None:
            return ask_and_import(self, self.worker, self._show_imported)
        return import_file(self, self.worker, path, self._show_imported)

    def sync_folder(self) -> bool:
        """Sync from the team's library folder in the background; True when started."""
        from ui import library_folder

        return library_folder.sync(self, self.worker, self._show_synced)

    def choose_folder(self) -> None:
        """Ask for the team's library folder (File > Library folder)."""
        from ui import library_folder

        library_folder.choose_folder(self, self.store)

    def _show_working(self, what: str) -> None:
        self.show_notice(f"{what} in the background. Notes can be typed meanwhile.")

    def _hide_working(self) -> None:
        if self.notice.label.text().endswith("in the background. Notes can be typed meanwhile."):
            self.notice.hide()

    def _show_synced(self, report: SyncReport) -> None:
        self._show_changed({imported.session.id for _name, imported in report.imported})

    def _show_imported(self, report: ImportReport) -> None:
        self._show_changed({report.session.id})

    def _show_changed(self, session_ids: set[str]) -> None:
        """Once for any number of imports: the open session reloads when it took in notes, else Home lists them."""
        if not session_ids:
            return
        if self.session_page is not None and self.session_page.session.id in session_ids:
            self.open_session(self.session_page.session.id)
        elif self.stack.currentWidget() is self.home:
            self.home.reload()

    def dragEnterEvent(self, event) -> None:
        from ui.bundle_import import dropped_bundle

        if dropped_bundle(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from ui.bundle_import import dropped_bundle

        path = dropped_bundle(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self._guarded("import_bundle", lambda: self.import_bundle(path))()

    def show_notice(self, text: str) -> None:
        """A calm sentence above every page until the facilitator dismisses it (never a modal box)."""
        self.notice.show_text(text)

    def _on_home_session_trashed(self, sentence: str) -> None:
        self.notice.show_text(sentence, self.home.actions_by_id["undo_trash"])

    def show_home(self) -> None:
        """Back to the session list; the open session is closed (its clock state is already saved)."""
        self._close_session()
        self.home.reload()
        self.stack.setCurrentWidget(self.home)
        self.setWindowTitle("studygroup")

    def open_session(self, session_id: str) -> SessionPage:
        """Load a session from the store and show its Run tab (or Review when ended)."""
        session = self.store.load_session(session_id)
        self._close_session()
        from ui.session_page import SessionPage  # loaded on first use: start-up shows Home only

        self.session_page = SessionPage(self.store, session, self.time_source, self)
        self.session_page.storage_problem.connect(self.show_notice)
        self.stack.addWidget(self.session_page)
        self.stack.setCurrentWidget(self.session_page)
        self.setWindowTitle(session.title)  # Qt appends " — studygroup", the app display name
        return self.session_page

    def open_demo(self) -> SessionPage:
        """Open the demo session, creating it the first time."""
        from studygroup.demo import DEMO_TITLE, create_demo

        listed = self.store.list_sessions(include_archived=True)  # a demo in the trash is made anew
        existing = next((s for s in listed if s["title"] == DEMO_TITLE), None)
        session_id = existing["id"] if existing else create_demo(self.store).id
        return self.open_session(session_id)

    def show_new_session(self, plan: Session | None = None) -> None:
        """Show the plan page (built once, reset after each session it creates), filled from *plan* when given."""
        if self.plan_page is None:
            from ui.plan.page import PlanPage  # loaded on first use: start-up shows Home only

            self.plan_page = PlanPage(self.store, self)
            self.plan_page.session_created.connect(self.open_session)
            self.stack.addWidget(self.plan_page)
        if plan is not None:
            self.plan_page.fill(plan)  # "Duplicate as new plan": a past session's card, group and agenda
        self._close_session()
        self.stack.setCurrentWidget(self.plan_page)
        self.setWindowTitle("New session")

    def show_trends(self) -> None:
        """The Trends page across the library (built once, read again each time it is shown)."""
        if self.trends_page is None:
            from ui.library.trends_page import TrendsPage  # loaded on first use: start-up shows Home only

            self.trends_page = TrendsPage(self.store, self)
            self.trends_page.back_requested.connect(self.show_home)
            self.trends_page.session_chosen.connect(self.open_session)
            self.stack.addWidget(self.trends_page)
        else:
            self.trends_page.refresh()
        self._show_library_page(self.trends_page, "Trends")

    def show_search(self) -> None:
        """Search the notes of every session (built once; the field keeps the last query)."""
        if self.search_panel is None:
            from ui.library.search_panel import SearchPanel  # loaded on first use

            self.search_panel = SearchPanel(self.store, self)
            self.search_panel.back_requested.connect(self.show_home)
            self.search_panel.note_chosen.connect(lambda session_id, _note_id: self.open_session(session_id))
            self.stack.addWidget(self.search_panel)
        self._show_library_page(self.search_panel, "Search notes")
        self.search_panel.field.setFocus()

    def _show_library_page(self, page: QWidget, title: str) -> None:
        self._close_session()
        self.stack.setCurrentWidget(page)
        self.setWindowTitle(title)

    def _close_session(self) -> None:
        if self.session_page is not None:
            self.session_page.shutdown()
            self.stack.removeWidget(self.session_page)
            self.session_page.deleteLater()
            self.session_page = None

    def closeEvent(self, event) -> None:
        if self.session_page is not None and not self.session_page.gate.request("quit"):
            event.ignore()  # locked for participants and no facilitator PIN given
            return
        app_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        self.worker.wait()  # an import ends whole or not at all; let it end
        if self.trends_page is not None:
            self.trends_page.shutdown()  # a report being written is finished first
        self._close_session()
        super().closeEvent(event)


class NoticeBar(QWidget):
    """One plain sentence across the top of the window, with a Dismiss button; hidden when empty.

    A notice may offer one action (Home's Undo): its button triggers it, and the notice goes once it ran.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="noticeBar", visible=False)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.label = QLabel(objectName="noticeText", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.label.setAccessibleName("Notice")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
        dismiss = QPushButton("Dismiss", self, toolTip="Hide this notice")
        dismiss.setAccessibleName("Dismiss notice")
        dismiss.clicked.connect(self.hide)
        self.action: QAction | None = None
        self.action_button = QPushButton(self)  # made after Dismiss, which stays the bar's first button
        self.action_button.hide()
        self.action_button.clicked.connect(self._on_action_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(dismiss)

    def show_text(self, text: str, action: QAction | None = None) -> None:
        self.label.setText(text)
        self._offer(action)
        self.show()

    def _offer(self, action: QAction | None) -> None:
        """Show *action*'s button (or none); the notice hides once that action has run, however it was reached."""
        if self.action is not None:
            self.action.triggered.disconnect(self._on_action_triggered)
        self.action = action
        self.action_button.setVisible(action is not None)
        if action is not None:
            action.triggered.connect(self._on_action_triggered)
            self.action_button.setText(action.text())
            self.action_button.setToolTip(action.toolTip())
            self.action_button.setAccessibleName(f"{action.text()} (notice)")
            self.action_button.setProperty(ACTION_PROPERTY, action.objectName())

    def _on_action_button_clicked(self) -> None:
        if self.action is not None:
            self.action.trigger()

    def _on_action_triggered(self) -> None:
        self._offer(None)
        self.hide()
