"""A session's follow-ups for a tracker: a CSV its importer reads, or Markdown issue drafts.

The CSV is UTF-8 without a byte-order mark (Jira would read one as part of the first column's
name), one row per follow-up, every cell through `csv_cell`. Two sets of column names:

- `jira` (the default): Summary, Issue Type, Description, Priority, Labels, Status, Assignee, Link.
  Jira's CSV import wizard maps a column to the field of the same name by itself (Summary, Issue
  Type, Description, Priority, Labels, Status, Assignee); Link has no Jira field of that name: map
  it to a URL field or leave it out. Description is read as wiki markup, so it is one {noformat}
  block. Labels are separated by spaces, which is where Jira splits them. Status carries our words
  (Open, Filed, Fixed, Won't fix) for the wizard's value mapping; Assignee is the owner as typed,
  which the wizard lets you match to a user. Priority is High, Medium or Low, all Jira defaults.
- `linear`: Title, Description, Priority, Labels, Status, Assignee, Link: the columns the
  "Linear (CSV)" importer of Linear's `@linear/import` reads (it ignores Link). Description is
  Markdown; Labels are separated by ", ", where that importer splits them (it also cuts a label to 20
  characters); Status is a state of Linear's default workflow (Backlog, Todo, Done, Canceled), as
  the importer makes a new state for any name the team lacks; Priority is High, Medium or Low.
  That importer strips the apostrophe `csv_cell` puts before a leading =, +, - or @ in Title and
  Description; Jira keeps it.

Every follow-up is a row, whatever its status: rows whose Status is not Open are in a tracker already.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from studygroup.atomicfile import atomic_write
from studygroup.export.markdown import state_value
from studygroup.export.textsafe import csv_cell, jira_plain, md_text, printable, tracker_label
from studygroup.followups import (
    FollowUp,
    issue_title,
    priority,
    recurrence_words,
    severity_words,
    state_facts,
    status_words,
)
from studygroup.model import PROBLEM_KINDS, Session
from studygroup.summary import kind_label, plural

HEADERS = {  # by tracker: the names its importer reads
    "jira": ("Summary", "Issue Type", "Description", "Priority", "Labels", "Status", "Assignee", "Link"),
    "linear": ("Title", "Description", "Priority", "Labels", "Status", "Assignee", "Link"),
}
LINEAR_STATES = {"open": "Backlog", "filed": "Todo", "fixed": "Done", "wont_fix": "Canceled"}


def export_follow_ups(fmt: str, session: Session, items: list[FollowUp], path: Path, tracker: str = "jira") -> None:
    """Write the follow-ups as a tracker CSV (fmt "csv") or Markdown drafts (fmt "md"), atomically."""
    if fmt == "csv":
        text, newline = render_tracker_csv(session, items, tracker), ""
    elif fmt == "md":
        text, newline = render_drafts(session, items), "\n"
    else:
        raise ValueError(f"unknown follow-up format {fmt!r}")
    with atomic_write(Path(path), "w", encoding="utf-8", newline=newline) as handle:
        handle.write(text)


# --- the tracker CSV ---------------------------------------------------------------------------


def render_tracker_csv(session: Session, items: list[FollowUp], tracker: str = "jira") -> str:
    """The CSV text: a header in the tracker's names, then one row per follow-up."""
    if tracker not in HEADERS:
        raise ValueError(f"unknown tracker {tracker!r}")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS[tracker])
    for item in items:
        row = _jira_row(session, item) if tracker == "jira" else _linear_row(session, item)
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue()


def _jira_row(session: Session, item: FollowUp) -> list[str]:
    note, state = item.note, item.state
    return [
        issue_title(note),
        "Bug" if note.kind in PROBLEM_KINDS else "Task",
        jira_plain("\n".join(_plain_description(session, item))),
        priority(note),
        " ".join(labels(item)),
        status_words(state.status).capitalize(),
        state.owner,
        state.link,
    ]


def _linear_row(session: Session, item: FollowUp) -> list[str]:
    note, state = item.note, item.state
    return [
        issue_title(note),
        "\n".join(_draft_body(session, item)),
        priority(note),
        ", ".join(labels(item)),
        LINEAR_STATES[state.status],
        state.owner,
        state.link,
    ]


def labels(item: FollowUp) -> list[str]:
    """The kind, the journey step and the tags as labels a tracker keeps whole, each once."""
    note = item.note
    names = [note.kind.replace("_", " "), note.journey_step, *note.tags]
    return list(dict.fromkeys(label for label in map(tracker_label, names) if label))


def _plain_description(session: Session, item: FollowUp) -> list[str]:
    """The description as plain lines: the note as typed, then its facts."""
    lines = [item.note.text, ""]  # jira_plain drops what no tracker can show
    extra = [f"{label}: {value}" for label, value in _typed_fields(item) if value]
    lines += [*extra, ""] if extra else []
    return lines + [f"{label}: {value}" for label, value in _facts(session, item)] + _recurring(item, str)


def _typed_fields(item: FollowUp) -> list[tuple[str, str]]:
    return [("I expected", item.note.expected), ("What happened", item.note.happened)]


def _facts(session: Session, item: FollowUp) -> list[tuple[str, str]]:
    """Kind, journey step, severity (problems only), and the session with its date."""
    note = item.note
    facts = [("Kind", kind_label(note.kind))]
    facts += [("Journey step", note.journey_step)] if note.journey_step else []
    facts += [("Severity", severity_words(note))] if severity_words(note) else []
    return facts + [("Session", f"{session.title}, {session.date}")]


def _recurring(item: FollowUp, text: Callable[[str], str]) -> list[str]:
    """ "Recurring in N sessions (…)" when it recurs; *text* makes the label safe for the format."""
    return [] if item.recurrence is None else [recurrence_words(item.recurrence, text)]


# --- the Markdown drafts -----------------------------------------------------------------------


def render_drafts(session: Session, items: list[FollowUp]) -> str:
    """One issue draft per follow-up, under a heading naming the session."""
    lines = [
        f"# Follow-ups from {md_text(session.title)}",
        "",
        f"{md_text(session.date)} · {plural(len(items), 'follow-up')}",
        "",
    ]
    for item in items:
        lines += [f"## {md_text(issue_title(item.note))}", "", *_draft_body(session, item, with_state=True), ""]
    return "\n".join(lines)


def _draft_body(session: Session, item: FollowUp, with_state: bool = False) -> list[str]:
    """The quote, its typed fields, the facts, the recurrence and (in a draft) the owner, status and link."""
    lines = [_quote(item.note.text), ""]
    lines += [f"- **{label}:** {_multiline(value)}" for label, value in _typed_fields(item) if value]
    lines += [f"- **{label}:** {md_text(value)}" for label, value in _facts(session, item)]
    lines += [f"- {line}" for line in _recurring(item, md_text)]
    if with_state:
        lines += [f"- **{label}:** {state_value(label, value)}" for label, value in _draft_state(item)]
    return lines


def _draft_state(item: FollowUp) -> list[tuple[str, str]]:
    """The status always (a draft says it is still open), the owner and link when set."""
    facts = dict(state_facts(item.state))
    facts.setdefault("Status", status_words(item.state.status))
    return [(label, facts[label]) for label in ("Owner", "Status", "Link") if label in facts]


def _quote(text: str) -> str:
    """The note as a block quote, every line of it inside the quote."""
    return "  \n".join(f"> {md_text(line)}" for line in printable(text).split("\n"))


def _multiline(text: str) -> str:
    """User text kept inside one list item: hard line breaks, continuation indented."""
    return "  \n  ".join(md_text(line) for line in printable(text).split("\n"))
