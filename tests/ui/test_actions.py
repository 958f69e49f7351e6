"""The action table: unique shortcuts, icons that exist, tooltips that teach the keyboard."""

from PySide6.QtGui import QKeySequence

from studygroup.resources import resource_path
from ui.action_table import ACTIONS
from ui.actions import build_action, shortcut_text

CAPTURE_KEYS = {f"Ctrl+{n}" for n in range(1, 10)} | {f"Alt+{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def test_shortcuts_are_unique_and_leave_capture_keys_alone():
    keys = [QKeySequence(spec.shortcut).toString() for spec in ACTIONS if spec.shortcut]
    assert len(keys) == len(set(keys))
    assert not CAPTURE_KEYS & {spec.shortcut for spec in ACTIONS}


def test_every_row_says_whether_it_needs_the_facilitator():
    assert all(isinstance(spec.facilitator, bool) for spec in ACTIONS)
    assert {spec.id for spec in ACTIONS if not spec.facilitator} == {
        "keyboard_sheet",
        "projector",
        "next_question",
        "previous_question",
        "close_projector",
        "question_round",
        "lock",
        "change_pin",
        "keep_as_idea",
        "edit_own_note",
        "delete_note",
        "undo_delete",
    }  # looking, locking, the PIN's own dialog and writing one's own notes; everything else asks


def test_every_icon_exists():
    for spec in ACTIONS:
        if spec.icon:
            assert resource_path("icons", f"{spec.icon}.svg").stat().st_size > 0


def test_every_action_has_a_tooltip_naming_its_shortcut(qapp):
    for spec in ACTIONS:
        action = build_action(spec.id, qapp)
        assert spec.tooltip and action.shortcut() == QKeySequence(spec.shortcut)
        if spec.shortcut:
            assert shortcut_text(spec) in action.toolTip()


def test_every_row_names_a_scope_the_sheet_knows():
    from ui.action_table import SCOPES

    assert {spec.scope for spec in ACTIONS} <= set(SCOPES)
    assert {spec.id for spec in ACTIONS if spec.scope == "review"} >= {"rename_label", "export_pdf", "tick_follow_up"}


def test_every_row_of_the_table_file_has_exactly_the_known_fields():
    import tomllib

    from studygroup.resources import resource_path

    rows = tomllib.loads(resource_path("actions.toml").read_text(encoding="utf-8"))["action"]
    required = {"id": str, "text": str, "key": str, "tip": str, "icon": str, "facilitator": bool, "scope": str}
    for row in rows:
        assert set(row) - {"checkable"} == set(required), row.get("id")
        assert all(isinstance(row[name], kind) for name, kind in required.items()), row["id"]
        assert isinstance(row.get("checkable", False), bool), row["id"]
    assert len({row["id"] for row in rows}) == len(rows) == len(ACTIONS)
