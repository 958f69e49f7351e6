"""Home: the library of sessions, searchable and filtered, with the ways to begin and to tidy it."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studygroup.storage.store import Store
from ui.action_table import SPECS
from ui.actions import ACTION_PROPERTY, bind_button, build_action
from ui.home_library import ROW_ACTIONS, TRASH_ACTIONS, LibraryActions
from ui.session_filter import FilterBar, SessionFilter
from ui.session_models import ROW_ROLE, SESSION_ID_ROLE, SessionListModel

NO_SESSIONS = "No sessions yet.\n\nPlan one with “New session”, or look around in the demo first."
ALL_ARCHIVED = "Every session is archived.\n\nTick “Show archived” to list them."
NONE_MATCH = "No session matches the search and filters."
TRASH_EMPTY = "The trash is empty."
SUBTITLE = "Be the customer for an hour. Capture what happened and how it felt."
TRASH_SUBTITLE = "Sessions here are out of the list, the trends and search until restored."


class HomePage(QWidget):
    """Lists sessions; emits a request when the user picks one or wants a new one.

    *request(action_id)* is the window's facilitator lock (True: go ahead); *today* dates new plans
    and the period filter, injected for tests.
    """

    session_chosen = Signal(str)
    new_session_requested = Signal()
    demo_requested = Signal()
    trends_requested = Signal()
    search_requested = Signal()
    session_trashed = Signal(str)  # the sentence for the window's notice, which offers Undo
    plan_requested = Signal(object)  # "Duplicate as new plan": the unsaved plan, for the plan page

    def __init__(
        self,
        store: Store,
        parent=None,
        request: Callable[[str], bool] | None = None,
        today: Callable[[], datetime.date] = datetime.date.today,
    ):
        super().__init__(parent)
        self.setObjectName("homePage")
        self.store, self.today = store, today
        self.trash_shown = self.archived_shown = False
        self.model = SessionListModel(parent=self)
        self.proxy = SessionFilter(today, self)
        self.proxy.setSourceModel(self.model)
        self.actions_by_id = {}
        self.new_button = self._button("new_session", self.new_session_requested, primary=True)
        self.demo_button = self._button("open_demo", self.demo_requested)
        self.trends_button = self._button("show_trends", self.trends_requested)
        self.search_button = self._button("search_notes", self.search_requested)
        self.library = LibraryActions(self, self, request or (lambda _action_id: True))
        self.actions_by_id.update(self.library.actions_by_id)
        self.filters = FilterBar(self)
        self.table = self._table()
        self.empty = QLabel(NO_SESSIONS, objectName="emptyState", alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel(objectName="homeStatus", textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.status.setAccessibleName("Home status")
        # On a widget of the page from the start: a stacked layout shows the widget it is given, and a
        # widget without a parent is shown as a window of its own (a second window flashed at start).
        self.list_area = QWidget(self)
        self.list_stack = QStackedLayout(self.list_area)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        self.title = QLabel("Study groups", objectName="pageTitle")
        self.subtitle = QLabel(SUBTITLE, objectName="pageSubtitle")
        self._lay_out()
        self._connect()
        self.reload()

    def _button(self, action_id: str, signal, primary: bool = False) -> QPushButton:
        action = build_action(action_id, self)
        action.triggered.connect(signal)
        self.addAction(action)
        self.actions_by_id[action_id] = action
        return self._bound(action_id, primary)

    def _bound(self, action_id: str, primary: bool = False) -> QPushButton:
        button = QPushButton(SPECS[action_id].text)
        button.setProperty("primary", primary)
        bind_button(button, self.actions_by_id[action_id])
        return button

    def _lay_out(self) -> None:
        self.archived_box = QCheckBox(
            SPECS["show_archived"].text, toolTip=self.actions_by_id["show_archived"].toolTip()
        )
        self.archived_box.setAccessibleName(SPECS["show_archived"].text)
        self.archived_box.setProperty(ACTION_PROPERTY, "show_archived")
        self.trash_button = self._bound("show_trash")
        top = QHBoxLayout()
        top.setSpacing(12)
        for widget in (self.new_button, self.demo_button, self.trends_button, self.search_button):
            top.addWidget(widget)
        top.addStretch()
        top.addWidget(self.archived_box)
        top.addWidget(self.trash_button)
        self.row_buttons = {action_id: self._bound(action_id) for action_id in ROW_ACTIONS + TRASH_ACTIONS}
        below = QHBoxLayout()
        below.setSpacing(8)
        for button in self.row_buttons.values():
            below.addWidget(button)
        below.addSpacing(8)
        below.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(56, 36, 56, 28)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addWidget(self.filters)
        layout.addWidget(self.list_area, 1)
        layout.addLayout(below)
        self._show_view()

    def _table(self) -> QTableView:
        table = QTableView(objectName="sessionTable")
        table.setModel(self.proxy)
        table.setAccessibleName("Sessions")
        table.setToolTip("Double-click or press Enter to open a session; right-click or the Menu key for more")
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(46)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SessionListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return table

    def _connect(self) -> None:
        self.table.activated.connect(self._on_table_activated)  # Enter and double-click both activate
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.library.show_selection(self.selected_row())
        )
        self.filters.changed.connect(self._on_filters_changed)
        self.archived_box.clicked.connect(self._on_archived_box_clicked)
        self.library.said.connect(self._say)
        self.library.trashed.connect(self.session_trashed)
        self.library.plan_requested.connect(self.plan_requested)

    # --- the list ------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Re-read the list from the store; select *select* (or keep the selection), clearing filters that hide it."""
        selected = self.selected_row()
        keep = select or (str(selected["id"]) if selected else None)
        rows = self.store.list_sessions(include_archived=self.archived_shown, trash=self.trash_shown)
        self.model.set_rows(rows)
        self.filters.set_choices(rows)
        self._on_filters_changed()
        if select is not None and self._proxy_row(select) is None and self.model.row_of(select) is not None:
            self.filters.clear()  # the new or renamed session is what the user wants to see
        self._select(keep)

    def _on_filters_changed(self) -> None:
        keep = self.selected_row()
        self.proxy.set_filters(*self.filters.values())
        self._select(str(keep["id"]) if keep else None)

    def _proxy_row(self, session_id: str) -> int | None:
        """The session's row in the filtered list, None when it is not listed or filtered out."""
        row = self.model.row_of(session_id)
        mapped = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        return mapped.row() if mapped.isValid() else None

    def _select(self, session_id: str | None) -> None:
        """Select *session_id* when listed, else the first row; show the empty state when there is none."""
        row = self._proxy_row(session_id) if session_id else None
        if row is None and self.proxy.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self.list_stack.setCurrentWidget(self.table if self.proxy.rowCount() else self.empty)
        self.empty.setText(self._empty_text())
        self.library.show_selection(self.selected_row())

    def _empty_text(self) -> str:
        if self.trash_shown:
            return TRASH_EMPTY if not self.model.rowCount() else NONE_MATCH
        if self.model.rowCount():
            return NONE_MATCH
        archived = not self.archived_shown and self.store.list_sessions(include_archived=True)
        return ALL_ARCHIVED if archived else NO_SESSIONS

    def selected_row(self) -> dict | None:
        """The header of the selected session (store.list_sessions' dict), None when nothing is selected."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    # --- views and slots -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def show_trash(self, shown: bool) -> None:
        self.trash_shown = shown
        self._show_view()
        self.reload()

    def show_archived(self, shown: bool) -> None:
        self.archived_shown = shown
        self.archived_box.setChecked(shown)
        self.reload()

    def _show_view(self) -> None:
        """The trash or the list: its heading, its toggles and the buttons for its rows."""
        trash = self.trash_shown
        self.title.setText("Trash" if trash else "Study groups")
        self.subtitle.setText(TRASH_SUBTITLE if trash else SUBTITLE)
        self.trash_button.setText("Back to sessions" if trash else SPECS["show_trash"].text)
        for widget in (self.new_button, self.demo_button, self.trends_button, self.search_button, self.archived_box):
            widget.setVisible(not trash)
        for action_id, button in self.row_buttons.items():
            button.setVisible((action_id in TRASH_ACTIONS) == trash)
        self.status.clear()

    def _on_archived_box_clicked(self, checked: bool) -> None:
        """The tick box is one more way to the show-archived action, so the lock guards it too."""
        with QSignalBlocker(self.archived_box):
            self.archived_box.setChecked(not checked)  # the action decides; it ticks the box when allowed
        self.actions_by_id["show_archived"].trigger()

    def _say(self, text: str, problem: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("state", "problem" if problem else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid() and not self.trash_shown:  # a session in the trash is restored before it opens
            self.session_chosen.emit(index.data(SESSION_ID_ROLE))

    def _on_table_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = self.library.context_menu(self.trash_shown)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()
