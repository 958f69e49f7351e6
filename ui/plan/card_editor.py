"""The persona card as a form to write or edit, and as the plain text of its read-only preview."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from studygroup.model import Scenario
from studygroup.planning import lines_of
from studygroup.scenarios import FIELD_LABELS

PARAGRAPHS = ("who_they_are", "outcome_problem", "starting_point", "success_looks_like")


class ScenarioEditor(QWidget):
    """Editable fields for one card; roles and questions one per line. scenarios.card_problem judges it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.company = QLineEdit()
        self._add_row(form, FIELD_LABELS["company"], self.company)
        self.texts: dict[str, QPlainTextEdit] = {}
        for name in PARAGRAPHS:
            self.texts[name] = self._text_box(form, FIELD_LABELS[name], 60)
        self.roles = self._text_box(form, f"{FIELD_LABELS['roles']} (one per line)", 80)
        self.questions = self._text_box(form, f"{FIELD_LABELS['probing_questions']} (one per line, 3 to 5)", 90)

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
        """The card as typed, trimmed; *product* and *key* come from outside the form."""
        texts = {name: box.toPlainText().strip() for name, box in self.texts.items()}
        return Scenario(
            company=self.company.text().strip(),
            product=product,
            key=key,
            roles=lines_of(self.roles.toPlainText()),
            probing_questions=lines_of(self.questions.toPlainText()),
            **texts,
        )

    def field_widget(self, field: str) -> QWidget:
        """The box where *field* of the card is typed (the company box for what the form does not show)."""
        boxes = {"roles": self.roles, "probing_questions": self.questions, **self.texts}
        return boxes.get(field, self.company)


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
