"""Plan a session on one scrollable, keyboard-driven page: card, lingo, group, agenda, handout.

The page composes its sections (ui.plan.scenario_panel, people_panel, agenda_panel), gathers them
into a studygroup.planning.Plan, shows the one problem planning finds with it, and saves the
Session planning builds. Its keys are the "plan" rows of ui.action_table.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studygroup import planning, scenarios
from studygroup.errors import StorageError
from studygroup.model import Scenario, Session
from studygroup.storage.store import Store
from ui import dialogs
from ui.plan.agenda_panel import AgendaPanel
from ui.plan.people_panel import PeoplePanel
from ui.plan.scenario_panel import ScenarioPanel
from ui.plan.widgets import PlanCommands, add_field, plain_label


class PlanPage(QWidget):
    """One page to plan a session; emits `session_created(id)` once it is saved."""

    session_created = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.setObjectName("planPage")
        self.store = store
        self.commands = PlanCommands(self)
        self.actions_by_id, self.buttons = self.commands.actions_by_id, self.commands.buttons
        self.scenario_panel = ScenarioPanel(self.commands)
        self.people_panel = PeoplePanel(store, self.commands, card=self.scenario_panel.card)
        self.agenda_panel = AgendaPanel(self.commands)
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
            ("SCENARIO", self.scenario_panel),
            ("PRODUCT AND INTERNAL LINGO", self._lingo_section()),
            ("GROUP", self.people_panel),
            ("AGENDA", self.agenda_panel),
        ):
            column.addSpacing(8)
            column.addWidget(QLabel(title, objectName="sectionTitle"))
            column.addWidget(section)
        column.addWidget(self._finish_row())
        column.addStretch()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def _session_section(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.title_edit = add_field(form, "&Title", QLineEdit(), "What this session is called in the list")
        self.title_edit.setPlaceholderText("Checkout study group, March")
        self.date_edit = add_field(form, "&Date", QDateEdit(calendarPopup=True), "The day of the session")
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.facilitator_edit = add_field(form, "&Facilitator", QLineEdit(), "Who runs the session")
        return box

    def _lingo_section(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.product_edit = add_field(
            form, "Prod&uct", self.scenario_panel.product_edit, "The product the group experiences"
        )
        self.lingo_edit = add_field(
            form,
            "&Lingo",
            QPlainTextEdit(),
            "Words only insiders use: team names, code names, acronyms. One per line; capture nudges on them.",
        )
        self.lingo_edit.setTabChangesFocus(True)
        self.lingo_edit.setFixedHeight(90)
        self.lingo_edit.setPlaceholderText("One term per line, e.g.\nKYC\nthe Dashboard team")
        return box

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
        row.addWidget(self.commands.button("print_card", self.print_persona_card))
        row.addStretch()
        row.addWidget(self.commands.button("create", self.create_session, primary=True))
        layout.addLayout(row)
        return box

    def _connect(self) -> None:
        for section in (self.scenario_panel, self.people_panel, self.agenda_panel):
            section.problem_found.connect(self.show_problem)
            section.problem_solved.connect(self.error_label.clear)
        self.scenario_panel.card_chosen.connect(self.people_panel.deal_roles)  # a new card deals new roles

    # --- state ----------------------------------------------------------------

    def reset(self) -> None:
        """A blank plan: today, the first card, the default agenda, no group; a fresh seed."""
        self.title_edit.clear()
        self.facilitator_edit.clear()
        self.lingo_edit.clear()
        self.error_label.clear()
        self.notice_label.clear()
        self.date_edit.setDate(QDate.currentDate())
        self.people_panel.reset(seed=random.randrange(1000, 10_000))
        self.scenario_panel.reload()
        self.agenda_panel.reset()

    def fill(self, plan: Session) -> None:
        """Every field from *plan* (a past session planned again): title, date, facilitator, card, agenda, group."""
        self.reset()
        self.title_edit.setText(plan.title)
        self.date_edit.setDate(QDate.fromString(plan.date, Qt.DateFormat.ISODate))
        self.facilitator_edit.setText(plan.facilitator)
        self.lingo_edit.setPlainText("\n".join(plan.lingo))
        self.scenario_panel.show_card(plan.scenario)
        self.agenda_panel.show_phases(plan.phases, plan.auto_advance)
        self.people_panel.model.set_people(plan.participants)  # after the card: choosing it deals roles
        self.notice_label.setText("Planned again from a past session: change what differs, then create it.")

    def scenario(self) -> Scenario:
        """The card this session will use: the edited copy, or a copy of the chosen library card."""
        return self.scenario_panel.card()

    def plan(self) -> planning.Plan:
        """The plan as the page's fields hold it now."""
        return planning.Plan(
            title=self.title_edit.text(),
            date=self.date_edit.date().toString(Qt.DateFormat.ISODate),
            facilitator=self.facilitator_edit.text(),
            scenario=self.scenario(),
            phases=self.agenda_panel.model.phases,
            participants=self.people_panel.model.people,
            lingo=planning.lines_of(self.lingo_edit.toPlainText()),
            auto_advance=self.agenda_panel.auto_advance_box.isChecked(),
        )

    # --- finishing ---------------------------------------------------------------

    def show_problem(self, sentence: str, focus: QWidget | None = None) -> None:
        self.error_label.setText(sentence)
        self.scroll.ensureWidgetVisible(self.error_label)
        if focus is not None:
            focus.setFocus()

    def validation_problem(self) -> tuple[str, QWidget] | None:
        """The first thing that stops the plan from being saved, as one sentence and the field to fix."""
        problem = planning.plan_problem(self.plan())
        return (problem.sentence, self._field_widget(problem.field)) if problem else None

    def _field_widget(self, field: str) -> QWidget:
        """The widget where the planning field *field* is typed."""
        if field.startswith("scenario."):
            return self.scenario_panel.field_widget(field.removeprefix("scenario."))
        return {
            "title": self.title_edit,
            "facilitator": self.facilitator_edit,
            "lingo": self.lingo_edit,
            "participants": self.people_panel.table,
            "agenda": self.agenda_panel.template_combo,
            "phases": self.agenda_panel.table,
        }[field]

    def build_session(self) -> Session:
        """The planned session from the page's fields (not checked, not saved)."""
        return planning.build_session(self.plan())

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
