"""Plan a session on one scrollable, keyboard-driven page: card, lingo, group, agenda, handout.

Every section reads and writes plain core objects (Scenario, Participant, Phase);
"Create session" assembles them into a Session and saves it through the store.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studygroup import agenda, groups, roster, scenarios
from studygroup.errors import StorageError
from studygroup.limits import MAX_LABEL, MAX_LINGO, MAX_NAME, MAX_TEXT, MAX_TITLE
from studygroup.model import Participant, Phase, Scenario, Session
from studygroup.storage.store import Store
from ui import dialogs
from ui.session_models import ListTableModel
from ui.table_fit import rows_height

_Index = QModelIndex | QPersistentModelIndex
EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
VISIBLE_ROWS = 8  # groups are 4 to 8 people: the whole group shows without scrolling

# id: (button text, shortcut, tooltip). Shortcuts live only while this page has focus.
COMMANDS = {
    "new_card": ("New card…", "Ctrl+Shift+C", "Write a new scenario card from scratch"),
    "edit_copy": ("Edit a copy…", "Ctrl+Shift+E", "Edit a copy of this card for this session"),
    "save_card": ("Save to library", "Ctrl+Shift+S", "Save the edited card to your scenario library"),
    "add_person": ("Add person", "Ctrl+Shift+P", "Add a person to the group by hand"),
    "remove_person": ("Remove person", "Ctrl+Shift+Delete", "Remove the selected person from the group"),
    "add_roster": ("Add to roster", "Ctrl+Shift+V", "Add the pasted names to the roster and form groups"),
    "import_roster": ("Import CSV roster…", "Ctrl+Shift+I", "Read a CSV file of names and disciplines"),
    "form_groups": (
        "Form random groups",
        "Ctrl+Shift+G",
        "Split the roster into groups of 4 to 8 with the widest mix of disciplines",
    ),
    "deal_roles": ("Deal roles", "Ctrl+Shift+R", "Give everyone a random role from the card"),
    "add_phase": ("Add phase", "Ctrl+Shift+H", "Add a phase at the end of the agenda"),
    "remove_phase": ("Remove phase", "Ctrl+Shift+X", "Remove the selected phase"),
    "phase_up": ("Move up", "Ctrl+Shift+Up", "Move the selected phase earlier"),
    "phase_down": ("Move down", "Ctrl+Shift+Down", "Move the selected phase later"),
    "print_card": ("Print persona card…", "Ctrl+P", "Save the persona card as a one-page PDF handout"),
    "create": ("Create session", "Ctrl+Return", "Save this plan and open the session"),
}


def lines_of(text: str) -> list[str]:
    """Non-empty, trimmed lines: one term, role or question per line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def plain_label(text: str = "", object_name: str = "") -> QLabel:
    """A wrapping label that shows user text as text, never as markup."""
    label = QLabel(text, objectName=object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class RoleDelegate(QStyledItemDelegate):
    """Edits a role with the card's roles offered in a list; any other role can still be typed."""

    def __init__(self, roles: Callable[[], list[str]], parent=None):
        super().__init__(parent)
        self.roles = roles

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent, editable=True)
        editor.addItems(self.roles())
        editor.setAccessibleName("Role")
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)


class ParticipantTableModel(ListTableModel):
    """The session's group: name, discipline and role, all editable in place."""

    COLUMNS = ("Name", "Discipline or team", "Role")
    FIELDS = ("name", "discipline", "role")

    @property
    def people(self) -> list[Participant]:
        return self.items

    def set_people(self, people: list[Participant]) -> None:
        self.set_items(people)

    def roles_changed(self) -> None:
        if self.people:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.people) - 1, 2))

    def flags(self, index: _Index):
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self.people[index.row()], self.FIELDS[index.column()])
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        setattr(self.people[index.row()], self.FIELDS[index.column()], str(value))
        self.dataChanged.emit(index, index)
        return True


class PhaseTableModel(ListTableModel):
    """The agenda being planned: name, minutes and the prompt for the room, in order."""

    COLUMNS = ("Phase", "Minutes", "Prompt for the room")

    @property
    def phases(self) -> list[Phase]:
        return self.items

    def set_phases(self, phases: list[Phase]) -> None:
        self.set_items(phases)

    def move(self, row: int, step: int) -> bool:
        """Swap a phase with its neighbour; False at either end."""
        target = row + step
        if not (0 <= row < len(self.phases) and 0 <= target < len(self.phases)):
            return False
        # Qt's destination is the row the item lands before, counted before the move.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if step > 0 else target)
        self.phases.insert(target, self.phases.pop(row))
        self.endMoveRows()
        return True

    def total_minutes(self) -> float:
        return agenda.total_minutes(self.phases)

    def flags(self, index: _Index):
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        phase = self.phases[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == 1:
            return int(phase.planned_minutes)  # an int gives a spin box editor
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (phase.name, f"{phase.planned_minutes:g}", phase.prompt)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        phase = self.phases[index.row()]
        if index.column() == 1:
            try:
                minutes = float(value)
            except (TypeError, ValueError):
                return False
            if not 0 < minutes <= 24 * 60:
                return False
            phase.planned_minutes = minutes
        else:
            setattr(phase, ("name", None, "prompt")[index.column()], str(value))
        self.dataChanged.emit(index, index)
        return True


class ScenarioEditor(QWidget):
    """Editable fields for one card; roles and questions one per line."""

    TEXT_FIELDS = (
        ("who_they_are", "Who they are"),
        ("outcome_problem", "Outcome problem"),
        ("starting_point", "Where they start"),
        ("success_looks_like", "What success looks like"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.company = QLineEdit()
        self._add_row(form, "Company", self.company)
        self.texts: dict[str, QPlainTextEdit] = {}
        for name, label in self.TEXT_FIELDS:
            self.texts[name] = self._text_box(form, label, 60)
        self.roles = self._text_box(form, "Roles (one per line)", 80)
        self.questions = self._text_box(form, "Probing questions (one per line, 3 to 5)", 90)

    def _add_row(self, form: QFormLayout, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(f"Card: {label}")
        widget.setToolTip(label)
        form.addRow(label, widget)

    def _text_box(self, form: QFormLayout, label: str, height: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)  # Tab moves on, as in every other field
        box.setFixedHeight(height)
        self._add_row(form, label, box)
        return box

    def set_scenario(self, scenario: Scenario) -> None:
        self.company.setText(scenario.company)
        for name, box in self.texts.items():
            box.setPlainText(getattr(scenario, name))
        self.roles.setPlainText("\n".join(scenario.roles))
        self.questions.setPlainText("\n".join(scenario.probing_questions))

    def scenario(self, product: str = "", key: str = "") -> Scenario:
        texts = {name: box.toPlainText().strip() for name, box in self.texts.items()}
        return Scenario(
            company=self.company.text().strip(),
            product=product,
            key=key,
            roles=lines_of(self.roles.toPlainText()),
            probing_questions=lines_of(self.questions.toPlainText()),
            **texts,
        )

    def problem(self) -> str | None:
        """One sentence when the card cannot be used yet."""
        if not self.company.text().strip():
            return "The card needs a company name."
        if not self.texts["who_they_are"].toPlainText().strip():
            return "The card needs to say who the customer is."
        if not self.texts["outcome_problem"].toPlainText().strip():
            return "The card needs the customer's outcome problem."
        return None


def too_long(what: str, text: str, limit: int) -> str:
    """The sentence for a field past its limit; the text stays in the field to be shortened."""
    return f"{what} can have {limit:,} characters; it has {len(text):,}. Shorten it."


class PlanPage(QWidget):
    """One page to plan a session; emits `session_created(id)` once it is saved."""

    session_created = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.setObjectName("planPage")
        self.store = store
        self.library: list[Scenario] = []
        self.library_problems: list[str] = []
        self.formed_groups: list[list[roster.RosterPerson]] = []
        self.editing, self.editor_key, self._card_index = False, "", -1
        self.actions_by_id: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.people_model = ParticipantTableModel(self)
        self.phase_model = PhaseTableModel(self)
        self._build()
        self._connect()
        self.reset()

    # --- building -------------------------------------------------------------

    def _build(self) -> None:
        content = QWidget(objectName="planContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(56, 36, 56, 36)
        column.setSpacing(12)
        column.addWidget(QLabel("Plan a session", objectName="pageTitle"))
        column.addWidget(
            QLabel("Everything here can be changed later; Ctrl+Enter creates the session.", objectName="pageSubtitle")
        )
        for title, section in (
            ("SESSION", self._session_section()),
            ("SCENARIO", self._scenario_section()),
            ("PRODUCT AND INTERNAL LINGO", self._lingo_section()),
            ("GROUP", self._group_section()),
            ("AGENDA", self._agenda_section()),
        ):
            column.addSpacing(8)
            column.addWidget(QLabel(title, objectName="sectionTitle"))
            column.addWidget(section)
        column.addWidget(self._finish_row())
        column.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.scroll = scroll

    def _command(self, command_id: str, slot, primary: bool = False) -> QPushButton:
        """A button and a page-wide shortcut for one command; the tooltip names the key."""
        text, key, tip = COMMANDS[command_id]
        action = QAction(text, self)
        action.setObjectName(command_id)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        button = QPushButton(text)
        button.setToolTip(f"{tip} ({native})")
        button.setAccessibleName(text)
        button.setProperty("primary", primary)
        button.clicked.connect(action.trigger)
        self.actions_by_id[command_id], self.buttons[command_id] = action, button
        return button

    def _field(self, form: QFormLayout, label: str, widget: QWidget, tip: str) -> QWidget:
        """A form row whose label's &-letter (Alt+letter) jumps to the field."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        widget.setToolTip(tip)
        form.addRow(caption, widget)
        return widget

    def _session_section(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.title_edit = self._field(form, "&Title", QLineEdit(), "What this session is called in the list")
        self.title_edit.setPlaceholderText("Checkout study group, March")
        self.date_edit = self._field(form, "&Date", QDateEdit(calendarPopup=True), "The day of the session")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.facilitator_edit = self._field(form, "&Facilitator", QLineEdit(), "Who runs the session")
        return box

    def _scenario_section(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.scenario_combo = self._field(form, "&Scenario", QComboBox(), "The persona card the group plays")
        layout.addLayout(form)
        self.preview = plain_label(object_name="scenarioPreview")
        self.preview.setAccessibleName("Scenario preview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = ScenarioEditor()
        self.editor.hide()
        layout.addWidget(self.preview)
        layout.addWidget(self.editor)
        self.library_note = plain_label(object_name="hint")
        layout.addWidget(self.library_note)
        row = self._command_row(
            (("edit_copy", self.edit_copy), ("new_card", self.new_card), ("save_card", self.save_card))
        )
        layout.addLayout(row)
        return box

    def _command_row(self, commands) -> QHBoxLayout:
        """A row of command buttons, left-aligned (callers may add to its right end)."""
        row = QHBoxLayout()
        for command_id, slot in commands:
            row.addWidget(self._command(command_id, slot))
        row.addStretch()
        return row

    def _lingo_section(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.product_edit = self._field(form, "Prod&uct", QLineEdit(), "The product the group experiences")
        self.lingo_edit = self._field(
            form,
            "&Lingo",
            QPlainTextEdit(),
            "Words only insiders use: team names, code names, acronyms. One per line; capture nudges on them.",
        )
        self.lingo_edit.setTabChangesFocus(True)
        self.lingo_edit.setFixedHeight(90)
        self.lingo_edit.setPlaceholderText("One term per line, e.g.\nKYC\nthe Dashboard team")
        return box

    def _group_section(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.people_table = self._table(self.people_model, "Pe&ople in this session", layout)
        self.people_table.setItemDelegateForColumn(2, RoleDelegate(lambda: self.scenario().roles, self.people_table))
        self.size_warning = plain_label(object_name="sizeWarning")
        layout.addWidget(self.size_warning)
        row = self._command_row(
            (("add_person", self.add_person), ("remove_person", self.remove_person), ("deal_roles", self.deal_roles))
        )
        layout.addLayout(row)
        form = QFormLayout()
        self.roster_edit = self._field(
            form, "&Roster", QPlainTextEdit(), "Paste lines of 'name, discipline' from a spreadsheet"
        )
        self.roster_edit.setTabChangesFocus(True)
        self.roster_edit.setFixedHeight(80)
        self.roster_edit.setPlaceholderText("Paste a roster: one 'name, discipline' per line")
        self.seed_spin = self._field(form, "S&eed", QSpinBox(), "The same roster and seed give the same groups")
        self.seed_spin.setRange(0, 999_999)
        self.group_combo = self._field(
            form, "&Which group", QComboBox(), "The group that takes part; the first has the most newcomers"
        )
        layout.addLayout(form)
        self.roster_note = plain_label(object_name="hint")
        layout.addWidget(self.roster_note)
        row = self._command_row(
            (
                ("add_roster", self.add_pasted_roster),
                ("import_roster", self.import_roster),
                ("form_groups", self.form_random_groups),
            )
        )
        layout.addLayout(row)
        return box

    def _agenda_section(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.template_combo = self._field(form, "Te&mplate", QComboBox(), "Start from a standard agenda")
        self.template_combo.addItems(agenda.template_names())
        layout.addLayout(form)
        self.phase_table = self._table(self.phase_model, "P&hases", layout)
        self.total_label = plain_label(object_name="agendaTotal")
        row = self._command_row(
            (
                ("add_phase", self.add_phase),
                ("remove_phase", self.remove_phase),
                ("phase_up", lambda: self.move_phase(-1)),
                ("phase_down", lambda: self.move_phase(1)),
            )
        )
        row.addWidget(self.total_label)
        layout.addLayout(row)
        self.auto_advance_box = QCheckBox("&Advance phases automatically when time is up")
        self.auto_advance_box.setAccessibleName("Advance phases automatically")
        self.auto_advance_box.setToolTip("Otherwise the clock waits for you at the end of each phase (Alt+A)")
        layout.addWidget(self.auto_advance_box)
        return box

    def _table(self, model: QAbstractTableModel, label: str, layout: QVBoxLayout) -> QTableView:
        caption = QLabel(label)
        table = QTableView()
        caption.setBuddy(table)
        table.setModel(model)
        table.setAccessibleName(label.replace("&", ""))
        table.setToolTip(f"{label.replace('&', '')}: arrows move, F2 or typing edits, Tab leaves the table")
        table.setTabKeyNavigation(False)  # Tab leaves the table instead of trapping keyboard users
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.verticalHeader().setVisible(False)
        table.setMinimumHeight(rows_height(table, VISIBLE_ROWS))  # a whole group of 8, or a long agenda
        layout.addWidget(caption)
        layout.addWidget(table)
        return table

    def _finish_row(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 12, 0, 0)
        self.error_label = plain_label(object_name="formError")
        self.error_label.setAccessibleName("Problem with the plan")
        layout.addWidget(self.error_label)
        self.notice_label = plain_label(object_name="hint")
        layout.addWidget(self.notice_label)
        row = QHBoxLayout()
        row.addWidget(self._command("print_card", self.print_persona_card))
        row.addStretch()
        row.addWidget(self._command("create", self.create_session, primary=True))
        layout.addLayout(row)
        return box

    def _connect(self) -> None:
        self.scenario_combo.currentIndexChanged.connect(self._scenario_chosen)
        self.template_combo.currentTextChanged.connect(self.apply_template)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        for signal in (
            self.phase_model.dataChanged,
            self.phase_model.rowsInserted,
            self.phase_model.rowsRemoved,
            self.phase_model.modelReset,
        ):
            signal.connect(self._update_total)
        for signal in (self.people_model.rowsInserted, self.people_model.rowsRemoved, self.people_model.modelReset):
            signal.connect(self._update_size_warning)

    # --- state ----------------------------------------------------------------

    def reset(self) -> None:
        """A blank plan: today, the first card, the default agenda, no group; a fresh seed."""
        self.title_edit.clear()
        self.facilitator_edit.clear()
        self.lingo_edit.clear()
        self.roster_edit.clear()
        self.error_label.clear()
        self.notice_label.clear()
        self.date_edit.setDate(QDate.currentDate())
        self.seed_spin.setValue(random.randrange(1000, 10_000))
        self.auto_advance_box.setChecked(False)
        self.people_model.set_people([])
        self._set_groups([])
        self.reload_library()
        self.template_combo.setCurrentText(agenda.DEFAULT_TEMPLATE)
        self.apply_template(agenda.DEFAULT_TEMPLATE)
        self._update_roster_note()

    def reload_library(self, select_key: str = "") -> None:
        """Re-read the scenario cards and select *select_key* (or keep the current one); ends editing."""
        self._leave_editor()
        keep = select_key or (self.current_card().key if self.library else "")
        self.library_problems = []
        self.library = scenarios.load_library(self.library_problems)
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        for card in self.library:
            self.scenario_combo.addItem(card.company, card.key)
        index = max(0, self.scenario_combo.findData(keep)) if keep else 0
        self.scenario_combo.setCurrentIndex(index)
        self.scenario_combo.blockSignals(False)
        self.library_note.setText(" ".join(self.library_problems))
        self._scenario_chosen(index)

    def current_card(self) -> Scenario:
        index = self.scenario_combo.currentIndex()
        return self.library[index] if 0 <= index < len(self.library) else Scenario("", "", "")

    def scenario(self) -> Scenario:
        """The card this session will use: the edited copy, or a copy of the chosen library card."""
        product = self.product_edit.text().strip()
        if self.editing:
            return self.editor.scenario(product=product, key=self.editor_key)
        return dataclasses.replace(self.current_card(), product=product)

    def _scenario_chosen(self, index: int) -> None:
        if (
            self.editing
            and self._card_index != index
            and not dialogs.ask_yes_no(
                self,
                "Discard the edited card?",
                "Choosing another card drops the card you are editing."
                " Save it to the library first to keep it. Discard it?",
            )
        ):
            self.scenario_combo.blockSignals(True)
            self.scenario_combo.setCurrentIndex(self._card_index)
            self.scenario_combo.blockSignals(False)
            return
        self._card_index = index
        self._leave_editor()
        card = self.current_card()
        self.preview.setText(card_text(card))
        self.product_edit.setText(card.product)
        if self.people_model.people:
            self.deal_roles()  # roles come from the card, so a new card deals new roles

    # --- scenario card ------------------------------------------------------------

    def edit_copy(self) -> None:
        copy = dataclasses.replace(self.current_card(), key="")
        self._enter_editor(copy)

    def new_card(self) -> None:
        self._enter_editor(Scenario(company="", who_they_are="", outcome_problem=""))

    def _enter_editor(self, card: Scenario) -> None:
        self.editing, self.editor_key = True, card.key
        self.editor.set_scenario(card)
        self.preview.hide()
        self.editor.show()
        self.editor.company.setFocus()

    def _leave_editor(self) -> None:
        self.editing, self.editor_key = False, ""
        self.editor.hide()
        self.preview.show()

    def save_card(self) -> None:
        """Save the edited card into the user's library and select it."""
        if not self.editing:
            self.show_problem(
                "Choose “Edit a copy…” or “New card…” first, then save the card to the library.",
                self.buttons["edit_copy"],
            )
            return
        problem = self.editor.problem()
        if problem:
            self.show_problem(problem, self.editor.company)
            return
        card = self.scenario()
        try:
            scenarios.save_to_library(card)
        except OSError as exc:
            self.show_problem(f"The card could not be saved: {exc.strerror or exc}.", self.buttons["save_card"])
            return
        self.error_label.clear()
        self.reload_library(select_key=card.key)
        self.library_note.setText(f"Saved “{card.company}” to your library.")

    # --- group ------------------------------------------------------------------

    def add_person(self) -> None:
        _add_and_edit(self.people_table, Participant(name=""))

    def remove_person(self) -> None:
        _remove_current(self.people_table)

    def deal_roles(self) -> None:
        groups.deal_roles(self.people_model.people, self.scenario().roles, self.seed_spin.value())
        self.people_model.roles_changed()

    def add_pasted_roster(self) -> None:
        if self._add_to_roster(self.roster_edit.toPlainText(), "The pasted roster"):
            self.roster_edit.clear()

    def import_roster(self) -> None:
        path = dialogs.ask_open_path(self, "Import a roster", "CSV files (*.csv *.txt);;All files (*)")
        if path is None:
            return
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.show_problem(f"The file {path.name} could not be read: {exc}.", self.buttons["import_roster"])
            return
        self._add_to_roster(text, f"The file {path.name}")

    def _add_to_roster(self, text: str, source: str) -> bool:
        """Parse, store and form groups; shows the one problem and returns False on bad input."""
        try:
            pairs = roster.parse_roster_csv(text)
        except ValueError as exc:
            self.show_problem(f"{source} was not added. {exc}", self.roster_edit)
            return False
        if not pairs:
            self.show_problem(f"{source} has no names; write one 'name, discipline' per line.", self.roster_edit)
            return False
        try:
            roster.add_people(self.store, pairs)
        except StorageError as exc:
            self.show_problem(str(exc), self.roster_edit)
            return False
        self.error_label.clear()
        self.form_random_groups()
        return True

    def form_random_groups(self) -> None:
        people = roster.list_roster(self.store)
        if not people:
            self.show_problem("The roster is empty; paste or import names first.", self.roster_edit)
            return
        self.error_label.clear()
        formed = groups.form_groups(people, self.seed_spin.value())
        best = groups.pick_group(formed)
        formed.insert(0, formed.pop(best))  # the group with the most newcomers comes first
        self._set_groups(formed)

    def _set_groups(self, formed: list[list[roster.RosterPerson]]) -> None:
        self.formed_groups = formed
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        for number, group in enumerate(formed, start=1):
            new = groups.newcomer_count(group)
            self.group_combo.addItem(f"Group {number} of {len(formed)}: {len(group)} people, {new} new")
        self.group_combo.setEnabled(bool(formed))
        self.group_combo.blockSignals(False)
        self._update_roster_note()
        if formed:
            self._group_chosen(0)

    def _group_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.formed_groups):
            return
        people = [Participant(name=p.name, discipline=p.discipline, roster_id=p.id) for p in self.formed_groups[index]]
        self.people_model.set_people(people)
        self.deal_roles()

    def _update_roster_note(self) -> None:
        count = len(roster.list_roster(self.store))
        self.roster_note.setText(
            f"The roster has {count} {'person' if count == 1 else 'people'}." if count else "The roster is empty."
        )

    def _update_size_warning(self) -> None:
        self.size_warning.setText(groups.size_warning(self.people_model.rowCount()) or "")

    # --- agenda -----------------------------------------------------------------

    def apply_template(self, name: str) -> None:
        self.phase_model.set_phases(agenda.phases_from_template(name))

    def add_phase(self) -> None:
        _add_and_edit(self.phase_table, Phase("New phase", 5))

    def remove_phase(self) -> None:
        _remove_current(self.phase_table)

    def move_phase(self, step: int) -> None:
        current = self.phase_table.currentIndex()
        if current.isValid() and self.phase_model.move(current.row(), step):
            self.phase_table.setCurrentIndex(self.phase_model.index(current.row() + step, current.column()))

    def _update_total(self) -> None:
        self.total_label.setText(f"Total: {self.phase_model.total_minutes():g} minutes")

    # --- finishing ---------------------------------------------------------------

    def show_problem(self, sentence: str, focus: QWidget | None = None) -> None:
        self.error_label.setText(sentence)
        self.scroll.ensureWidgetVisible(self.error_label)
        if focus is not None:
            focus.setFocus()

    def validation_problem(self) -> tuple[str, QWidget] | None:
        """The first thing that stops the plan from being saved, as one sentence and a field."""
        if not self.title_edit.text().strip():
            return "Give the session a title, for example “Checkout study group, March”.", self.title_edit
        for what, text, limit, widget in (
            ("The title", self.title_edit.text().strip(), MAX_TITLE, self.title_edit),
            ("The facilitator's name", self.facilitator_edit.text().strip(), MAX_NAME, self.facilitator_edit),
        ):
            if len(text) > limit:
                return too_long(what, text, limit), widget
        long_term = next((t for t in lines_of(self.lingo_edit.toPlainText()) if len(t) > MAX_LINGO), None)
        if long_term is not None:
            return too_long("A lingo term", long_term, MAX_LINGO), self.lingo_edit
        if self.editing and self.editor.problem():
            return self.editor.problem(), self.editor.company
        seen = set()
        for number, person in enumerate(self.people_model.people, start=1):
            name = " ".join(person.name.split())
            if not name:
                return f"Person {number} in the group has no name; type one or remove the row.", self.people_table
            if len(name) > MAX_NAME:
                return too_long(f"Person {number}'s name", name, MAX_NAME), self.people_table
            if name.casefold() in seen:
                return (
                    f"Two people in the group are called “{name}”; add an initial so their notes can be told apart."
                ), self.people_table
            seen.add(name.casefold())
        if not self.phase_model.phases:
            return "The agenda has no phases; pick a template or add a phase.", self.template_combo
        for number, phase in enumerate(self.phase_model.phases, start=1):
            if not phase.name.strip():
                return f"Phase {number} of the agenda has no name.", self.phase_table
            if len(phase.name.strip()) > MAX_LABEL or len(phase.prompt.strip()) > MAX_TEXT:
                return (
                    f"Phase {number}'s name can have {MAX_LABEL} characters and its prompt {MAX_TEXT:,}; shorten them."
                ), self.phase_table
        return None

    def build_session(self) -> Session:
        """The planned session from the page's fields (not saved)."""
        people = [
            dataclasses.replace(p, name=" ".join(p.name.split()), discipline=p.discipline.strip(), role=p.role.strip())
            for p in self.people_model.people
        ]
        phases = [dataclasses.replace(p, name=p.name.strip(), prompt=p.prompt.strip()) for p in self.phase_model.phases]
        return Session(
            title=self.title_edit.text().strip(),
            date=self.date_edit.date().toString(Qt.DateFormat.ISODate),
            facilitator=self.facilitator_edit.text().strip(),
            scenario=self.scenario(),
            phases=phases,
            participants=people,
            lingo=lines_of(self.lingo_edit.toPlainText()),
            auto_advance=self.auto_advance_box.isChecked(),
        )

    def create_session(self) -> None:
        problem = self.validation_problem()
        if problem:
            self.show_problem(*problem)
            return
        session = self.build_session()
        try:
            self.store.save_session(session)
        except StorageError as exc:
            self.show_problem(str(exc))
            return
        self.reset()
        self.session_created.emit(session.id)

    def print_persona_card(self) -> None:
        session = self.build_session()
        suggested = f"persona-card-{scenarios.slugify(session.scenario.company or 'card')}.pdf"
        path = dialogs.ask_save_path(self, "Save the persona card", suggested, "PDF files (*.pdf)")
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        from studygroup.export.handout import export_handout  # reportlab loads only when someone prints

        try:
            export_handout(session, path)
        except OSError as exc:
            self.show_problem(f"The persona card could not be saved to {path}: {exc.strerror or exc}.")
            return
        self.error_label.clear()
        self.notice_label.setText(f"Saved the persona card to {path}.")


def card_text(card: Scenario) -> str:
    """The read-only preview of a card, as plain text."""
    parts = [card.company, "", f"Who they are: {card.who_they_are}", f"Outcome problem: {card.outcome_problem}"]
    if card.starting_point:
        parts.append(f"Where they start: {card.starting_point}")
    if card.success_looks_like:
        parts.append(f"What success looks like: {card.success_looks_like}")
    if card.roles:
        parts.append("Roles: " + "; ".join(card.roles))
    if card.probing_questions:
        parts.append("Probing questions:")
        parts += [f"  {n}. {q}" for n, q in enumerate(card.probing_questions, start=1)]
    return "\n".join(parts)


def _add_and_edit(table: QTableView, item) -> None:
    """Append *item* to the table's list model and start editing its first cell."""
    index = table.model().index(table.model().add(item), 0)
    table.setCurrentIndex(index)
    table.setFocus()
    table.edit(index)


def _remove_current(table: QTableView) -> None:
    row = table.currentIndex().row()
    if 0 <= row < table.model().rowCount():
        table.model().remove(row)
