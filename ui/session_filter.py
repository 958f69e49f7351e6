"""Home's filters: search words, scenario, facilitator and a period, as a proxy over the session list and its bar."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ui.session_models import SessionListModel, scenario_name

ANY = ""  # the "all" choice of a combo box: no filter
# The period choices: (words, key). "Last N days" counts back from today, and includes planned dates ahead.
PERIODS = (("Any time", ""), ("Last 30 days", "30"), ("Last 90 days", "90"), ("This year", "year"))
Today = Callable[[], datetime.date]


def period_start(period: str, today: datetime.date) -> str:
    """The first ISO date a period takes in ("" for any time)."""
    if not period:
        return ""
    if period == "year":
        return datetime.date(today.year, 1, 1).isoformat()
    return (today - datetime.timedelta(days=int(period))).isoformat()


class SessionFilter(QSortFilterProxyModel):
    """The sessions whose title, scenario or facilitator holds every search word, within the chosen ones."""

    def __init__(self, today: Today, parent=None):
        super().__init__(parent)
        self.today = today
        self._words: list[str] = []
        self._scenario = ANY
        self._facilitator = ANY
        self._since = ""

    def set_filters(self, text: str, scenario: str, facilitator: str, period: str) -> None:
        """Filter by all four at once: search words (case aside), a scenario key, a facilitator, a period key."""
        self.beginFilterChange()
        self._words = text.casefold().split()
        self._scenario, self._facilitator = scenario, facilitator
        self._since = period_start(period, self.today())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, SessionListModel)
        row = model.items[source_row]
        if self._scenario and row["scenario"] != self._scenario:
            return False
        if self._facilitator and row["facilitator"] != self._facilitator:
            return False
        if self._since and row["date"] < self._since:
            return False
        searched = " ".join((row["title"], scenario_name(row), row["scenario"], row["facilitator"])).casefold()
        return all(word in searched for word in self._words)


class FilterBar(QWidget):
    """The search field and the three choices above Home's list; `changed` when any of them moves."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="Title, scenario or facilitator", clearButtonEnabled=True)
        self.search.setAccessibleName("Search sessions")
        self.scenario = self._combo("Scenario", "Only sessions run on this scenario card")
        self.facilitator = self._combo("Facilitator", "Only sessions this person facilitated")
        self.period = self._combo("When", "Only sessions dated in this period")
        for words, key in PERIODS:
            self.period.addItem(words, key)
        self.set_choices([])
        self.search.textChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for text, widget, stretch in (
            ("Search", self.search, 3),
            ("Scenario", self.scenario, 2),
            ("Facilitator", self.facilitator, 2),
            ("When", self.period, 1),
        ):
            label = QLabel(text, textFormat=Qt.TextFormat.PlainText)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget, stretch)
            layout.addSpacing(8)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(toolTip=tip)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def set_choices(self, rows: list[dict]) -> None:
        """Offer the scenarios and facilitators of *rows*, keeping each choice that is still offered."""
        pairs = {(scenario_name(r), r["scenario"]) for r in rows}
        names = [name for name, _key in pairs]
        # Two cards of one company are told apart by their keys.
        scenarios = sorted(
            ((f"{name} ({key})" if names.count(name) > 1 else name, key) for name, key in pairs),
            key=lambda pair: pair[0].casefold(),
        )
        people = sorted({r["facilitator"] for r in rows if r["facilitator"]}, key=str.casefold)
        self._fill(self.scenario, [("All scenarios", ANY), *scenarios])
        self._fill(self.facilitator, [("Any facilitator", ANY), *((name, name) for name in people)])

    def _fill(self, combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        kept = combo.currentData() or ANY
        combo.blockSignals(True)  # one `changed` for the whole refill, below
        combo.clear()
        for words, key in choices:
            combo.addItem(words, key)
        combo.setCurrentIndex(max(combo.findData(kept), 0))
        combo.blockSignals(False)
        if (combo.currentData() or ANY) != kept:
            self.changed.emit()

    def values(self) -> tuple[str, str, str, str]:
        """(search text, scenario key, facilitator, period key) as chosen now."""
        return (
            self.search.text(),
            self.scenario.currentData() or ANY,
            self.facilitator.currentData() or ANY,
            self.period.currentData() or ANY,
        )

    def clear(self) -> None:
        """Every filter back to all (one `changed` per filter that moved)."""
        self.search.clear()
        for combo in (self.scenario, self.facilitator, self.period):
            combo.setCurrentIndex(0)

    def is_filtering(self) -> bool:
        return any(self.values())
