"""The facilitator's live feed on the Capture tab: everyone's notes as they come, and four filters."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from studygroup.model import KIND_NAMES, Session
from ui.capture.feed_filter import ANY, NotesFilter
from ui.capture.feed_model import KIND, NOTE, PERSON, SEVERITY, TIME, NotesModel
from ui.capture.notes_table import NewestInView, table_view
from ui.capture.widgets import buddy_label
from ui.table_fit import NOTE_MIN_WIDTH, fit_note_columns, table_chrome_width

FEED_COLUMNS = (TIME, PERSON, KIND, SEVERITY, NOTE)


class FeedPanel(QWidget):
    """Every note of the session, newest at the bottom, filtered by person, kind, phase and step."""

    def __init__(self, session: Session, notes: NotesModel, parent=None):
        super().__init__(parent)
        self.session = session
        self.feed_proxy = NotesFilter(self)
        self.feed_proxy.setSourceModel(notes)
        self.feed_view = table_view(self.feed_proxy, "Live feed of everyone's notes", shown=FEED_COLUMNS)
        self.feed_view.setColumnHidden(SEVERITY, True)
        columns_width = fit_note_columns(self.feed_view, session)
        self._filter_values: dict[str, list] = {}  # each filter's values, in its combo box's order
        self.filters: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(QLabel("Facilitator's live feed", objectName="sectionTitle"))
        layout.addLayout(self._filter_grid())
        layout.addWidget(self.feed_view, 1)
        # Time, person and kind whole, and the note itself readable: the feed never gets narrower.
        self.setMinimumWidth(columns_width + NOTE_MIN_WIDTH + table_chrome_width(self.feed_view) + 6)
        # Every new note brings the feed to the bottom, filtered out or not; a new filter shows its newest note.
        self._newest_in_view = NewestInView(self.feed_view, notes)

    def _filter_grid(self) -> QGridLayout:
        people = [("Everyone", ANY), (self.session.author_name(None), None)]
        people += [(p.name, p.id) for p in self.session.participants]
        kinds = [("Any kind", ANY)] + [(label, key) for key, label in KIND_NAMES]
        phases = [("Any phase", ANY)] + [(p.name, p.id) for p in self.session.phases]
        grid = QGridLayout()  # two filters a line: the feed keeps its height for notes
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for number, (field, label, options) in enumerate(
            (
                ("author_id", "Pers&on", people),
                ("kind", "&Kind", kinds),
                ("phase_id", "Ph&ase", phases),
                ("journey_step", "S&tep", [("Any step", ANY)]),
            )
        ):
            combo = self._filter_combo(field, label)
            self._set_filter_options(field, options)
            grid.addWidget(buddy_label(label, combo), number // 2, number % 2 * 2)
            grid.addWidget(combo, number // 2, number % 2 * 2 + 1)
        self.refresh_step_filter()  # the step list grows during the session
        return grid

    def _filter_combo(self, field: str, label: str) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # long names elide in the closed box, not widen the column
        combo.setAccessibleName(f"Filter the feed by {label.replace('&', '').lower()}")
        combo.setToolTip(combo.accessibleName())
        combo.currentIndexChanged.connect(lambda index, f=field: self._on_filter_changed(f, index))
        self.filters[field] = combo
        return combo

    def refresh_step_filter(self) -> None:
        """Offer every journey step the session knows now; the chosen one stays chosen."""
        steps = [("Any step", ANY), ("No step", "")] + [(s, s) for s in self.session.journey_steps]
        self._set_filter_options("journey_step", steps)
        # A step renamed on Review leaves the box on "Any step": the feed must stop filtering on the old name too.
        self._on_filter_changed("journey_step", self.filters["journey_step"].currentIndex())

    def _set_filter_options(self, field: str, options: list[tuple[str, object]]) -> None:
        combo = self.filters[field]
        values, index = self._filter_values.get(field, []), combo.currentIndex()
        current = values[index] if 0 <= index < len(values) else ANY
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([label for label, _ in options])
        self._filter_values[field] = [value for _, value in options]
        index = next((i for i, (_, v) in enumerate(options) if v is current or v == current), 0)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _on_filter_changed(self, field: str, index: int) -> None:
        if index >= 0:
            self.feed_proxy.set_filter(field, self._filter_values[field][index])
