"""Home: the sessions, newest first, and the two ways to begin."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
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
from ui.actions import bind_button, build_action
from ui.session_models import SessionListModel


class HomePage(QWidget):
    """Lists sessions; emits a request when the user picks one or wants a new one."""

    session_chosen = Signal(str)
    new_session_requested = Signal()
    demo_requested = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.setObjectName("homePage")
        self.store = store
        self.model = SessionListModel(parent=self)
        self.actions_by_id = {}
        self.new_button = self._button("new_session", self.new_session_requested, primary=True)
        self.demo_button = self._button("open_demo", self.demo_requested)
        self.table = self._table()
        self.empty = QLabel(
            "No sessions yet.\n\nPlan one with “New session”, or look around in the demo first.",
            objectName="emptyState",
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        self.list_stack = QStackedLayout()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(56, 44, 56, 44)
        layout.setSpacing(14)
        layout.addWidget(QLabel("Study groups", objectName="pageTitle"))
        layout.addWidget(
            QLabel("Be the customer for an hour. Capture what happened and how it felt.", objectName="pageSubtitle")
        )
        layout.addSpacing(10)
        layout.addLayout(buttons)
        layout.addSpacing(10)
        layout.addLayout(self.list_stack, 1)
        self.reload()

    def _button(self, action_id: str, signal, primary: bool = False) -> QPushButton:
        action = build_action(action_id, self)
        action.triggered.connect(signal)
        self.addAction(action)
        self.actions_by_id[action_id] = action
        button = QPushButton(SPECS[action_id].text)
        button.setProperty("primary", primary)
        bind_button(button, action)
        return button

    def _table(self) -> QTableView:
        table = QTableView(objectName="sessionTable")
        table.setModel(self.model)
        table.setAccessibleName("Sessions")
        table.setToolTip("Double-click or press Enter to open a session")
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(46)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.activated.connect(self._on_table_activated)  # Enter and double-click both activate
        return table

    def reload(self) -> None:
        """Re-read the session list from the store."""
        self.model.set_rows(self.store.list_sessions())
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.session_chosen.emit(self.model.session_id(index.row()))
