"""The action table: unique shortcuts, icons that exist, tooltips that teach the keyboard."""

from PySide6.QtGui import QKeySequence

from studygroup.resources import resource_path
from ui.actions import ACTIONS, build_action, shortcut_text

CAPTURE_KEYS = {f"Ctrl+{n}" for n in range(1, 10)} | {f"Alt+{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def test_shortcuts_are_unique_and_leave_capture_keys_alone():
    keys = [QKeySequence(spec.shortcut).toString() for spec in ACTIONS]
    assert len(keys) == len(set(keys))
    assert not CAPTURE_KEYS & {spec.shortcut for spec in ACTIONS}


def test_every_icon_exists():
    for spec in ACTIONS:
        assert resource_path("icons", f"{spec.icon}.svg").stat().st_size > 0


def test_every_action_has_a_tooltip_naming_its_shortcut(qapp):
    for spec in ACTIONS:
        action = build_action(spec.id, qapp)
        assert spec.tooltip and shortcut_text(spec) in action.toolTip()
        assert action.shortcut() == QKeySequence(spec.shortcut)
