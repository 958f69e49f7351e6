"""The action table: one row per command of the app, its key, its scope and its lock rule.

Rows only; ui.actions builds them into QActions. A key appears in one row only, so no shortcut
means two things (tests/ui/test_actions.py holds that). Each row says whether it needs the
facilitator: with a PIN set and the session locked for participants, such an action asks for
the PIN first (ui.facilitator_gate does the asking).
"""

from __future__ import annotations

from dataclasses import dataclass


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


FACILITATOR, ANYONE = True, False

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

# Ctrl+1..9 and Alt+letters belong to the Capture tab (people and note kinds), so none here;
# Ctrl+0 (write as the facilitator) is listed because the lock guards it.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new_session", "New session", "Ctrl+N", "Plan a new study-group session", "new", FACILITATOR, scope="home"
    ),
    ActionSpec(
        "open_demo",
        "Open demo",
        "Ctrl+D",
        "Open the demo session (created the first time)",
        "demo",
        FACILITATOR,
        scope="home",
    ),
    ActionSpec("go_home", "Home", "Alt+Home", "Back to the list of sessions", "home", FACILITATOR, scope="home"),
    ActionSpec(
        "quit", "Quit", "Ctrl+Q", "Close studygroup; everything is already saved", "quit", FACILITATOR, scope="home"
    ),
    ActionSpec(
        "import_bundle",
        "Import bundle…",
        "Ctrl+O",
        "Merge a session from another laptop or an archive (a studygroup .json bundle); "
        "you can also drop the file on the window",
        "",
        FACILITATOR,
        scope="home",
    ),
    ActionSpec(
        "sync_folder",
        "Sync from library folder",
        "F5",
        "Import every session bundle that is new or changed in the team's library folder",
        "",
        FACILITATOR,
        scope="home",
    ),
    ActionSpec(
        "library_folder",
        "Library folder…",
        "Shift+F5",
        "Choose the shared folder (a shared drive or a git checkout) where each ended session's bundle is written",
        "",
        FACILITATOR,
        scope="home",
    ),
    ActionSpec("keyboard_sheet", "Keyboard shortcuts", "F1", "Every key of the app, by page", "", ANYONE, scope="home"),
    # Home's library of sessions. F2, Del and Ctrl+Z are Capture's (edit, delete and undo a note), and a
    # key means one thing in the whole table, so Home renames with Ctrl+R, trashes with Ctrl+Del and
    # undoes with Alt+Backspace (the other standard Undo key).
    *(
        ActionSpec(row_id, text, key, tip, "", FACILITATOR, scope="home", checkable=checkable)
        for row_id, text, key, tip, checkable in (
            (
                "find_sessions",
                "Find sessions",
                "Ctrl+F",
                "Search the sessions by title, scenario or facilitator",
                False,
            ),
            ("rename_session", "Rename…", "Ctrl+R", "Give the selected session a new title", False),
            (
                "duplicate_session",
                "Duplicate as new plan",
                "",
                "Plan a new session with the selected one's card, group and agenda, dated today",
                False,
            ),
            (
                "archive_session",
                "Archive",
                "",
                "Take the selected session off the list (it stays in trends and search), or bring an archived one back",
                False,
            ),
            ("show_archived", "Show archived", "", "List the archived sessions too", True),
            (
                "trash_session",
                "Move to trash",
                "Ctrl+Del",
                "Move the selected session to the trash: it leaves the list, the trends and search until restored",
                False,
            ),
            ("undo_trash", "Undo", "Alt+Backspace", "Bring back the session last moved to the trash", False),
            (
                "show_trash",
                "Trash",
                "",
                "Show the sessions in the trash, to restore them or delete them for good",
                True,
            ),
            ("restore_session", "Restore", "", "Take the selected session out of the trash", False),
            (
                "delete_forever",
                "Delete forever…",
                "",
                "Delete the selected session in the trash, notes and all; this cannot be undone",
                False,
            ),
        )
    ),
    # The library across sessions: the Trends page (its two exports have buttons only) and search.
    *(
        ActionSpec(row_id, text, key, tip, "", FACILITATOR, scope="home")
        for row_id, text, key, tip in (
            ("show_trends", "Trends", "Ctrl+T", "Recurring problems and each session's headline, across sessions"),
            ("search_notes", "Search notes", "Ctrl+K", "Search the notes of every session"),
            ("export_trends_pdf", "Export Trends PDF", "", "Save the Trends report as a PDF (*.pdf)"),
            ("export_trends_md", "Export Trends Markdown", "", "Save the Trends report as Markdown (*.md)"),
        )
    ),
    ActionSpec("start_pause", "Start", "Space", "Start, pause or resume the clock", "play", FACILITATOR, scope="run"),
    ActionSpec("next_phase", "Next phase", "Ctrl+Right", "Move on to the next phase", "next", FACILITATOR, scope="run"),
    ActionSpec(
        "previous_phase",
        "Previous phase",
        "Ctrl+Left",
        "Go back to the previous phase",
        "previous",
        FACILITATOR,
        scope="run",
    ),
    ActionSpec("extend_1", "+1 min", "Ctrl+Up", "Give this phase one more minute", "plus", FACILITATOR, scope="run"),
    ActionSpec(
        "extend_5", "+5 min", "Ctrl+Shift+Up", "Give this phase five more minutes", "plus5", FACILITATOR, scope="run"
    ),
    ActionSpec(
        "end_session",
        "End session",
        "Ctrl+E",
        "Stop the clock for good and go to the review",
        "stop",
        FACILITATOR,
        scope="run",
    ),
    ActionSpec(
        "auto_advance",
        "Advance phases automatically",
        "Ctrl+Shift+A",
        "Move to the next phase by itself when time is up",
        "auto",
        FACILITATOR,
        checkable=True,
        scope="run",
    ),
    ActionSpec(
        "mute",
        "Mute chime",
        "Ctrl+M",
        "Silence the chime at one minute left and at time up",
        "mute",
        FACILITATOR,
        checkable=True,
        scope="run",
    ),
    # Looking is open to all: the projector and its questions only show what the room already sees.
    ActionSpec(
        "projector",
        "Projector view",
        "Ctrl+P",
        "Open the big room view on the projector",
        "projector",
        ANYONE,
        scope="run",
    ),
    # The share-out: what the room sees is the facilitator's call, so both ask while locked.
    ActionSpec(
        "reveal_notes",
        "Reveal notes on projector",
        "Ctrl+G",
        "Show everyone's notes on the projector by journey step, severe ones first; again to hide them",
        "projector",
        FACILITATOR,
        checkable=True,
        scope="run",
    ),
    ActionSpec(
        "names_on_projector",
        "Names on projector",
        "Ctrl+Shift+W",
        "Show who wrote each revealed note; off, the room sees the notes without names",
        "",
        FACILITATOR,
        checkable=True,
        scope="run",
    ),
    ActionSpec(
        "next_question", "Next question", "PgDown", "Show the next probing question", "next", ANYONE, scope="projector"
    ),
    ActionSpec(
        "previous_question",
        "Previous question",
        "PgUp",
        "Show the previous question or the prompt",
        "previous",
        ANYONE,
        scope="projector",
    ),
    ActionSpec(
        "close_projector", "Close projector view", "Esc", "Close the projector view", "quit", ANYONE, scope="projector"
    ),
    # The question round.
    ActionSpec(
        "question_round",
        "Question round",
        "Ctrl+Shift+Q",
        "Show the question round: each person gets a timed turn per question",
        "projector",
        ANYONE,
        checkable=True,
        scope="round",
    ),
    ActionSpec(
        "start_turn",
        "Start round",
        "Ctrl+Shift+R",
        "Start the round, pause this person's turn or carry it on",
        "play",
        FACILITATOR,
        scope="round",
    ),
    ActionSpec(
        "next_person",
        "Next person",
        "Ctrl+Shift+Right",
        "End this turn and start the next person's (the next question after the last person)",
        "next",
        FACILITATOR,
        scope="round",
    ),
    ActionSpec(
        "next_round_question",
        "Next question",
        "Ctrl+Shift+Down",
        "Skip the rest of this question and start the next one with the first person",
        "next",
        FACILITATOR,
        scope="round",
    ),
    ActionSpec(
        "end_round",
        "End round",
        "Ctrl+Shift+End",
        "Stop the round; everyone's airtime stays recorded",
        "stop",
        FACILITATOR,
        scope="round",
    ),
    # Capture: anyone writes and edits their own notes; the facilitator's name and others' notes are guarded.
    ActionSpec(
        "write_as_facilitator",
        "Write as the facilitator",
        "Ctrl+0",
        "Write as the facilitator (their chip at the right of the person bar)",
        "",
        FACILITATOR,
        scope="capture",
    ),
    ActionSpec(
        "edit_others_notes",
        "Change someone else's note",
        "",
        "Edit or delete a note written by someone else",
        "",
        FACILITATOR,
        scope="capture",
    ),
    # Locking is open to all (it only takes power away); unlocking asks for the PIN by its nature.
    ActionSpec(
        "lock",
        "Lock for participants",
        "Ctrl+L",
        "Lock for participants, or unlock with the facilitator PIN",
        "",
        ANYONE,
        scope="lock",
    ),
    # Asks for the current PIN itself, and is disabled while locked.
    ActionSpec(
        "change_pin", "Change PIN", "Ctrl+Shift+L", "Change or remove the facilitator PIN", "", ANYONE, scope="lock"
    ),
    # Review
    ActionSpec(
        "rename_label",
        "Rename or merge",
        "Shift+F2",
        "Rename the selected journey step or tag on every note; give an existing name to merge",
        "",
        FACILITATOR,
        scope="review",
    ),
    ActionSpec(
        "tick_follow_up",
        "Tick a follow-up",
        "",
        "Tick or untick a note for whoever files bugs later (Space ticks the selected row)",
        "",
        FACILITATOR,
        scope="review",
    ),
    ActionSpec(
        "edit_follow_up",
        "Owner, status and link…",
        "Ctrl+Shift+F",
        "Set who owns the selected follow-up, whether it is filed, fixed or won't fix, and its tracker link",
        "",
        FACILITATOR,
        scope="review",
    ),
    # The exports, one row per format, each "Save the session as …".
    *(
        ActionSpec(row_id, text, key, f"Save the session as {what}", "", FACILITATOR, scope="review")
        for row_id, text, key, what in (
            ("export_pdf", "Export PDF", "Ctrl+Shift+E", "PDF summary (*.pdf)"),
            ("export_md", "Export Markdown", "Ctrl+Shift+M", "Markdown (*.md)"),
            ("export_csv", "Export CSV", "Ctrl+Shift+C", "CSV for spreadsheets (*.csv)"),
            ("export_json", "Export JSON bundle", "Ctrl+Shift+J", "studygroup bundle (*.json)"),
        )
    ),
    # --- Plan page keys: planning is the facilitator's. Each key works anywhere on the New session page.
    # No Ctrl+Alt+letter: on Windows AltGr arrives as Ctrl+Alt, and names typed here need AltGr (@, €, ł, ś).
    ActionSpec(
        "new_card", "New card…", "Ctrl+Shift+N", "Write a new scenario card from scratch", "", FACILITATOR, scope="plan"
    ),
    ActionSpec(
        "edit_copy",
        "Edit a copy…",
        "Ctrl+Shift+Y",
        "Edit a copy of this card for this session",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "save_card",
        "Save to library",
        "Ctrl+Shift+S",
        "Save the edited card to your scenario library",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "add_person", "Add person", "Ctrl+Shift+P", "Add a person to the group by hand", "", FACILITATOR, scope="plan"
    ),
    ActionSpec(
        "remove_person",
        "Remove person",
        "Ctrl+Shift+Delete",
        "Remove the selected person from the group",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "add_roster",
        "Add to roster",
        "Ctrl+Shift+V",
        "Add the pasted names to the roster and form groups",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "import_roster",
        "Import CSV roster…",
        "Ctrl+Shift+O",
        "Read a CSV file of names and disciplines",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "form_groups",
        "Form random groups",
        "Ctrl+Shift+G",
        "Split the roster into groups of 4 to 8 with the widest mix of disciplines",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "deal_roles",
        "Deal roles",
        "Ctrl+Shift+D",
        "Give everyone a random role from the card",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "add_phase", "Add phase", "Ctrl+Shift+H", "Add a phase at the end of the agenda", "", FACILITATOR, scope="plan"
    ),
    ActionSpec(
        "remove_phase", "Remove phase", "Ctrl+Shift+X", "Remove the selected phase", "", FACILITATOR, scope="plan"
    ),
    ActionSpec("phase_up", "Move up", "Alt+Shift+Up", "Move the selected phase earlier", "", FACILITATOR, scope="plan"),
    ActionSpec(
        "phase_down", "Move down", "Alt+Shift+Down", "Move the selected phase later", "", FACILITATOR, scope="plan"
    ),
    # The user's own cards and agenda templates (built-ins are read-only: disabled for them). No key is a text box's
    # own: Alt+Backspace is a line edit's Undo on Windows, so Undo delete is Ctrl+Shift+B ("bring back").
    *(
        ActionSpec(row_id, text, key, tip, "", FACILITATOR, scope="plan")
        for row_id, text, key, tip in (
            ("rename_card", "Rename card…", "Ctrl+F2", "Give your own card another company name"),
            ("delete_card", "Delete card", "Alt+Del", "Delete your own card from the library; Undo brings it back"),
            ("undo_delete_card", "Undo delete", "Ctrl+Shift+B", "Bring back the card you just deleted"),
            ("save_template", "Save as template…", "Ctrl+Shift+K", "Save this agenda as your own template"),
            ("rename_template", "Rename template…", "Ctrl+Shift+F2", "Rename your own agenda template"),
            ("delete_template", "Delete template", "Alt+Shift+Del", "Delete your own template; the agenda stays"),
        )
    ),
    ActionSpec(
        "print_card",
        "Print persona card…",
        "Ctrl+Shift+T",
        "Save the persona card as a one-page PDF handout",
        "",
        FACILITATOR,
        scope="plan",
    ),
    ActionSpec(
        "create", "Create session", "Ctrl+Return", "Save this plan and open the session", "", FACILITATOR, scope="plan"
    ),
    # --- Capture page keys
    # Anyone writes, edits and deletes their own notes; someone else's note asks as edit_others_notes does.
    # Edit keeps F2, so Review's rename moved to Shift+F2: a key means one thing in the whole table.
    ActionSpec(
        "keep_as_idea",
        "Keep as Idea",
        "Ctrl+Shift+I",
        "Save this note as an Idea for later",
        "",
        ANYONE,
        scope="capture",
    ),
    ActionSpec(
        "edit_own_note", "Edit note", "F2", "Edit the selected note in the note box", "", ANYONE, scope="capture"
    ),
    ActionSpec(
        "delete_note",
        "Delete note",
        "Del",
        "Delete the selected note; Ctrl+Z brings it back",
        "",
        ANYONE,
        scope="capture",
    ),
    ActionSpec("undo_delete", "Undo delete", "Ctrl+Z", "Bring back the last deleted note", "", ANYONE, scope="capture"),
)
SPECS = {spec.id: spec for spec in ACTIONS}
