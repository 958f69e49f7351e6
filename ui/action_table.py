"""The action table: one row per command of the app, its key, its scope and its lock rule.

The rows are data, in resources/actions.toml, read once here; ui.actions builds them into QActions.
A key appears in one row only, so no shortcut means two things (tests/ui/test_actions.py holds that).
Each row says whether it needs the facilitator: with a PIN set and the session locked for
participants, such an action asks for the PIN first (ui.facilitator_gate does the asking).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from studygroup.resources import resource_path


@dataclass(frozen=True)
class ActionSpec:
    """One command: what it says, its key, its icon (a file stem in resources/icons, or none)
    and whether a locked session asks for the facilitator's PIN before it."""

    id: str
    text: str
    shortcut: str  # "" when the command is reached by a button, a chip or a tick box only
    tooltip: str
    icon: str
    facilitator: bool
    scope: str  # where the key works and where the keyboard sheet lists it: one of SCOPES
    checkable: bool = False


# The scopes, in the keyboard sheet's order, with the sheet's heading for each.
SCOPES = {
    "home": "Home and Go",
    "run": "Run",
    "projector": "Projector view",
    "round": "Question round",
    "capture": "Capture",
    "lock": "Facilitator lock",
    "review": "Review",
    "plan": "New session",
}


def _read_table() -> tuple[ActionSpec, ...]:
    with resource_path("actions.toml").open("rb") as table:
        rows = tomllib.load(table)["action"]
    return tuple(
        ActionSpec(
            row["id"],
            row["text"],
            row["key"],
            row["tip"],
            row["icon"],
            row["facilitator"],
            row["scope"],
            row.get("checkable", False),
        )
        for row in rows
    )


ACTIONS: tuple[ActionSpec, ...] = _read_table()
SPECS = {spec.id: spec for spec in ACTIONS}
