"""The follow-ups for a tracker: Jira's and Linear's CSV and the Markdown drafts, hostile text kept as data."""

from __future__ import annotations

import csv
import io

import pytest

from studygroup.export.followups import export_follow_ups, labels, render_drafts, render_tracker_csv
from studygroup.export.textsafe import jira_plain, md_link, tracker_label
from studygroup.followups import FollowUp, Recurrence
from studygroup.model import FollowUpState, Observation, Scenario, Session

SESSION = Session(
    "Pay *day* <3", "2026-03-02", "Jo", Scenario("Co", "A baker", "Get paid"), id="5e55e55e-0000-4000-8000-000000000001"
)


def items() -> list[FollowUp]:
    """A formula with Markdown and HTML, an idea that tries a link, an image and Jira's own block, RTL with emoji."""
    formula = Observation(
        SESSION.id,
        "=cmd|' /C calc'!A0\nsecond line <b>bold</b> *x*",
        kind="friction",
        severity=3,
        journey_step="Pay & <go>",
        tags=["fees", "naïve"],
    )
    idea = Observation(
        SESSION.id,
        "+1 great idea: [link](javascript:alert(1)) # not a heading\n- a list\n{noformat}!http://evil.example/x.png!",
        kind="idea",
        severity=3,
    )
    rtl = Observation(
        SESSION.id,
        "-10% مرحبا بالعالم 😀",
        kind="bad_day",
        severity=2,
        journey_step="=SUM(A1)",
        expected="@here",
        happened="| a | b |\nnext",
    )
    filed = FollowUpState(formula.id, "@ada", "filed", "https://x.example/browse/AB-1?q=a_b")
    return [
        FollowUp(formula, filed, Recurrence("Pay & <go>", False, 3)),
        FollowUp(idea, FollowUpState(idea.id)),
        FollowUp(rtl, FollowUpState(rtl.id, status="wont_fix"), Recurrence("naïve", True, 2)),
    ]


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


JIRA_DESCRIPTIONS = [
    "\n".join(
        [
            "{noformat}",
            "=cmd|' /C calc'!A0",
            "second line <b>bold</b> *x*",
            "",
            "Kind: Friction",
            "Journey step: Pay & <go>",
            "Severity: if this weren't my job, I'd give up (3 of 3)",
            "Session: Pay *day* <3, 2026-03-02",
            "Recurring in 3 sessions (journey step: Pay & <go>)",
            "{noformat}",
        ]
    ),
    "\n".join(
        [
            "{noformat}",
            "+1 great idea: [link](javascript:alert(1)) # not a heading",
            "- a list",
            "{\u200bnoformat}!http://evil.example/x.png!",  # cannot close the block early
            "",
            "Kind: Idea for later",
            "Session: Pay *day* <3, 2026-03-02",
            "{noformat}",
        ]
    ),
    "\n".join(
        [
            "{noformat}",
            "-10% مرحبا بالعالم 😀",
            "",
            "I expected: @here",
            "What happened: | a | b |",
            "next",
            "",
            "Kind: Bad day",
            "Journey step: =SUM(A1)",
            "Severity: this slowed me down (2 of 3)",
            "Session: Pay *day* <3, 2026-03-02",
            "Recurring in 2 sessions (tag: #naïve)",
            "{noformat}",
        ]
    ),
]


def test_the_jira_csv_has_jiras_field_names_and_neutralised_cells():
    text = render_tracker_csv(SESSION, items(), "jira")
    assert text.startswith("Summary,Issue Type,Description,Priority,Labels,Status,Assignee,Link\r\n")
    assert rows(text) == [
        ["Summary", "Issue Type", "Description", "Priority", "Labels", "Status", "Assignee", "Link"],
        [
            "'=cmd|' /C calc'!A0",
            "Bug",
            JIRA_DESCRIPTIONS[0],
            "High",
            "friction pay-go fees naïve",
            "Filed",
            "'@ada",
            "https://x.example/browse/AB-1?q=a_b",
        ],
        [
            "'+1 great idea: [link](javascript:alert(1)) # not a heading",
            "Task",
            JIRA_DESCRIPTIONS[1],
            "Low",
            "idea",
            "Open",
            "",
            "",
        ],
        ["'-10% مرحبا بالعالم 😀", "Bug", JIRA_DESCRIPTIONS[2], "Medium", "bad-day sum-a1", "Won't fix", "", ""],
    ]


LINEAR_DESCRIPTIONS = [
    "\n".join(
        [
            "> \\=cmd\\|' /C calc'!A0  ",
            "> second line \\<b\\>bold\\</b\\> \\*x\\*",
            "",
            "- **Kind:** Friction",
            "- **Journey step:** Pay \\& \\<go\\>",
            "- **Severity:** if this weren't my job, I'd give up (3 of 3)",
            "- **Session:** Pay \\*day\\* \\<3, 2026-03-02",
            "- Recurring in 3 sessions (journey step: Pay \\& \\<go\\>)",
        ]
    ),
    "\n".join(
        [
            "> \\+1 great idea: \\[link\\](javascript:alert(1)) # not a heading  ",
            "> \\- a list  ",
            "> {noformat}!http://evil.example/x.png!",
            "",
            "- **Kind:** Idea for later",
            "- **Session:** Pay \\*day\\* \\<3, 2026-03-02",
        ]
    ),
    "\n".join(
        [
            "> \\-10% مرحبا بالعالم 😀",
            "",
            "- **I expected:** @here",
            "- **What happened:** \\| a \\| b \\|  ",
            "  next",
            "- **Kind:** Bad day",
            "- **Journey step:** \\=SUM(A1)",
            "- **Severity:** this slowed me down (2 of 3)",
            "- **Session:** Pay \\*day\\* \\<3, 2026-03-02",
            "- Recurring in 2 sessions (tag: #naïve)",
        ]
    ),
]


def test_the_linear_csv_has_the_linear_importers_columns_and_states():
    text = render_tracker_csv(SESSION, items(), "linear")
    assert rows(text) == [
        ["Title", "Description", "Priority", "Labels", "Status", "Assignee", "Link"],
        [
            "'=cmd|' /C calc'!A0",
            LINEAR_DESCRIPTIONS[0],
            "High",
            "friction, pay-go, fees, naïve",
            "Todo",
            "'@ada",
            "https://x.example/browse/AB-1?q=a_b",
        ],
        [
            "'+1 great idea: [link](javascript:alert(1)) # not a heading",
            LINEAR_DESCRIPTIONS[1],
            "Low",
            "idea",
            "Backlog",
            "",
            "",
        ],
        ["'-10% مرحبا بالعالم 😀", LINEAR_DESCRIPTIONS[2], "Medium", "bad-day, sum-a1", "Canceled", "", ""],
    ]


def test_the_markdown_drafts_escape_everything_typed():
    assert render_drafts(SESSION, items()) == "\n".join(
        [
            "# Follow-ups from Pay \\*day\\* \\<3",
            "",
            "2026-03-02 · 3 follow-ups",
            "",
            "## \\=cmd\\|' /C calc'!A0",
            "",
            LINEAR_DESCRIPTIONS[0],
            "- **Owner:** @ada",
            "- **Status:** filed",
            "- **Link:** <https://x.example/browse/AB-1?q=a_b>",
            "",
            "## \\+1 great idea: \\[link\\](javascript:alert(1)) # not a heading",
            "",
            LINEAR_DESCRIPTIONS[1],
            "- **Status:** open",
            "",
            "## \\-10% مرحبا بالعالم 😀",
            "",
            LINEAR_DESCRIPTIONS[2],
            "- **Status:** won't fix",
            "",
        ]
    )


def test_a_session_without_follow_ups_gives_a_header_and_a_heading():
    assert render_tracker_csv(SESSION, [], "jira") == (
        "Summary,Issue Type,Description,Priority,Labels,Status,Assignee,Link\r\n"
    )
    assert render_drafts(SESSION, []) == "# Follow-ups from Pay \\*day\\* \\<3\n\n2026-03-02 · 0 follow-ups\n"


def test_the_files_are_utf8_without_a_byte_order_mark(tmp_path):
    export_follow_ups("csv", SESSION, items(), tmp_path / "f.csv", tracker="linear")
    export_follow_ups("md", SESSION, items(), tmp_path / "f.md")
    raw = (tmp_path / "f.csv").read_bytes()
    assert raw.startswith(b"Title,Description,") and "naïve".encode() in raw
    assert (tmp_path / "f.md").read_text(encoding="utf-8") == render_drafts(SESSION, items())
    with pytest.raises(ValueError, match="unknown follow-up format 'pdf'"):
        export_follow_ups("pdf", SESSION, items(), tmp_path / "f.pdf")
    with pytest.raises(ValueError, match="unknown tracker 'asana'"):
        render_tracker_csv(SESSION, items(), "asana")


@pytest.mark.parametrize(
    "text, label",
    [
        ("Sign-up & pay", "sign-up-pay"),
        ("=cmd|' /C calc'!A0", "cmd-c-calc-a0"),
        ("  - leading dash", "leading-dash"),
        ("Ödeme Adımı 支払い", "ödeme-adımı-支払い"),
        ("😀 ✨", ""),
        ("__init__", "init"),
    ],
)
def test_a_tracker_label_has_no_spaces_and_never_starts_a_formula(text, label):
    assert tracker_label(text) == label


def test_labels_are_kind_step_and_tags_each_once():
    note = Observation("s", "x", kind="bad_day", journey_step="Tags", tags=["tags", "😀", "fees"])
    assert labels(FollowUp(note, FollowUpState(note.id))) == ["bad-day", "tags", "fees"]


def test_jira_plain_and_md_link():
    assert jira_plain("a {NoFormat} b\x07") == "{noformat}\na {\u200bNoFormat} b\n{noformat}"
    assert md_link("https://x.example/a_b?c=<d>") == "https://x.example/a\\_b?c=\\<d\\>"
    assert md_link("https://x.example/a_b") == "<https://x.example/a_b>"
    assert md_link("ftp://x.example/") == "ftp://x.example/"


# --- the session's summary shows each follow-up's state ----------------------------------------------


def summary_inputs() -> tuple[Session, list[Observation], dict[str, FollowUpState]]:
    idea = Observation(SESSION.id, "Save a half-done sign-up", kind="idea", journey_step="Sign-up")
    ticked = Observation(SESSION.id, "Fees unclear", kind="friction", follow_up=True, session_seconds=5)
    untouched = Observation(SESSION.id, "Dark mode", kind="idea", session_seconds=9)
    states = {
        idea.id: FollowUpState(idea.id, "<b>Ada</b> *A*", "filed", "https://x.example/AB-1?q=a_b"),
        ticked.id: FollowUpState(ticked.id, status="wont_fix"),
        untouched.id: FollowUpState(untouched.id),  # set back to open: nothing to say
    }
    return SESSION, [idea, ticked, untouched], states


def test_the_markdown_summary_lists_owner_status_and_link_escaped():
    from studygroup.export.markdown import render_markdown
    from studygroup.summary import summarise

    text = render_markdown(summarise(*summary_inputs()))
    section = text[text.index("## Follow-ups for later") : text.index("## Friction log")]
    assert section == "\n".join(
        [
            "## Follow-ups for later",
            "",
            "- [ ] Save a half-done sign-up (Jo (facilitator) · Sign-up)  ",
            "      Owner: \\<b\\>Ada\\</b\\> \\*A\\* · Status: filed · Link: <https://x.example/AB-1?q=a_b>",
            "- [ ] Fees unclear (Jo (facilitator) · Other)  ",
            "      Status: won't fix",
            "- [ ] Dark mode (Jo (facilitator) · Other)",
            "",
            "",
        ]
    )


def test_the_pdf_summary_prints_owner_status_and_link(tmp_path):
    from pypdf import PdfReader

    from studygroup.export.pdf import export_pdf

    session, notes, states = summary_inputs()
    export_pdf(session, notes, tmp_path / "s.pdf", states=states)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "s.pdf").pages)
    follow_ups = text[text.index("Follow-ups for later") : text.index("Friction log")]
    assert "Owner: <b>Ada</b> *A* · Status: filed" in follow_ups
    assert "Link: https://x.example/AB-1?q=a_b" in follow_ups.replace("\n", "")
    assert "Status: won't fix" in follow_ups
    assert follow_ups.count("Status:") == 2
