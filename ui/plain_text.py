"""User text in a tooltip stays text: Qt shows a tooltip as rich text when it merely looks like HTML."""

from __future__ import annotations

from PySide6.QtGui import Qt  # QtGui's Qt namespace: it holds mightBeRichText and convertFromPlainText


def plain_tooltip(text: str) -> str:
    """*text* as a tooltip shows it: escaped into HTML only when Qt would take it for markup.

    QToolTip decides with Qt.mightBeRichText, so ordinary text is returned unchanged and keeps
    the plain tooltip's look; text that starts like a tag is escaped, line breaks kept. Normal
    white space, not the default Pre, so a long note still wraps inside its tooltip.
    """
    if not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def button_text(text: str) -> str:
    """*text* for a button label: a user's "&" is shown, not taken for a keyboard mnemonic."""
    return text.replace("&", "&&")
