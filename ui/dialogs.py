"""Every dialog goes through here: tests monkeypatch these, since a modal box never returns offscreen.

Boxes are built by hand rather than with QMessageBox's and QInputDialog's static helpers: those
take text that looks like HTML for rich text, and the text here often quotes user data.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from studygroup.limits import MAX_LINK, MAX_OWNER
from studygroup.model import FOLLOW_UP_STATUS_NAMES


def _message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that shows *text* as typed, never as markup."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


MIN_LINE_BOX_WIDTH, MAX_LINE_BOX_WIDTH = 360, 720


def _ask_line(parent: QWidget | None, title: str, label: str, echo: QLineEdit.EchoMode, text: str) -> str | None:
    """One line of text from a modal input dialog whose label is plain text; None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(echo)
    dialog.setTextValue(text)
    # QInputDialog has no setTextFormat; its one label exists once the label text is set.
    dialog.findChild(QLabel).setTextFormat(Qt.TextFormat.PlainText)
    # The box wide enough to show a session's title whole (Qt's default showed a sliver of it), within
    # reason; the dialog's layout sizes the dialog from its box.
    box = dialog.findChild(QLineEdit)
    box.ensurePolished()  # measured in the stylesheet's font, not the default one
    wanted = box.fontMetrics().horizontalAdvance(text) + 24
    box.setMinimumWidth(min(MAX_LINE_BOX_WIDTH, max(MIN_LINE_BOX_WIDTH, wanted)))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()  # with a parent it would otherwise live as long as the parent
    return value if accepted else None


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; No is the default so a stray Enter changes nothing."""
    box = _message_box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.exec()
    answer = box.standardButton(box.clickedButton())
    box.deleteLater()
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user one thing, plainly."""
    box = _message_box(parent, QMessageBox.Icon.Information, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
    box.deleteLater()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text; None when cancelled."""
    return _ask_line(parent, title, label, QLineEdit.EchoMode.Normal, text)


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
    """Ask where to save a file; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


def ask_open_path(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    """Ask for a file to read; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return Path(name) if name else None


def ask_folder(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    """Ask for an existing folder; None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start or ""))
    return Path(name) if name else None


def ask_pin(parent: QWidget | None, title: str, label: str) -> str | None:
    """Ask for a PIN without showing it; None when cancelled."""
    return _ask_line(parent, title, label, QLineEdit.EchoMode.Password, "")


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """Offer a few labelled choices; returns the index chosen, None when closed without one."""
    box = _message_box(parent, QMessageBox.Icon.Warning, title, text)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return buttons.index(clicked) if clicked in buttons else None


FollowUpFields = tuple[str, str, str]  # owner, status key, link


class FollowUpDialog(QDialog):
    """Who owns a follow-up, where it stands and its tracker link: three fields, each with its own key."""

    def __init__(self, parent: QWidget | None, title: str, fields: FollowUpFields, problem: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Follow-up: owner, status and link")
        owner, status, link = fields
        self.owner = QLineEdit(owner, maxLength=MAX_OWNER, placeholderText="who files or chases it")
        self.status = QComboBox()
        for key, words in FOLLOW_UP_STATUS_NAMES:
            self.status.addItem(words, key)
        self.status.setCurrentIndex(max(self.status.findData(status), 0))
        self.link = QLineEdit(link, maxLength=MAX_LINK, placeholderText="https://…")
        for widget, name, tip in (
            (self.owner, "Owner", "Who files or chases this follow-up"),
            (self.status, "Status", "Open until it is filed; then filed, fixed or won't fix"),
            (self.link, "Tracker link", "The issue's address in the tracker: http:// or https://"),
        ):
            widget.setAccessibleName(name)
            widget.setToolTip(tip)
        form = QFormLayout(self)
        for text in (title, problem):
            if text:  # user text and our sentence about it, both shown as typed
                form.addRow(QLabel(text, textFormat=Qt.TextFormat.PlainText, wordWrap=True))
        form.addRow("&Owner:", self.owner)
        form.addRow("&Status:", self.status)
        form.addRow("&Link:", self.link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def fields(self) -> FollowUpFields:
        return self.owner.text(), self.status.currentData(), self.link.text()


def ask_follow_up(
    parent: QWidget | None, title: str, fields: FollowUpFields, problem: str = ""
) -> FollowUpFields | None:
    """Ask for a follow-up's owner, status and link; None when cancelled.

    *problem* is the sentence that refused the last answer, shown above the fields it concerns.
    """
    dialog = FollowUpDialog(parent, title, fields, problem)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    answer = dialog.fields()
    dialog.deleteLater()
    return answer if accepted else None
