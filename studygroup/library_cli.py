"""The command line's library commands: `trends` and `search` across every session (cli.py parses them).

Their `--json` output is stable (docs/architecture.md, "The library"): keys are only ever added.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from studygroup.errors import StudygroupError
from studygroup.export.textsafe import terminal_line
from studygroup.export.trends_report import per_person_words, share_words
from studygroup.library import STEP, TAG, SessionHeadline
from studygroup.storage.search_rows import SearchHit
from studygroup.storage.store import Store
from studygroup.summary import clock_text
from studygroup.trends import GotBetter, RecurringProblem, Trends, library_trends, scenario_key

HIGHLIGHT = ("«", "»")  # around each matched word of a search snippet, in text and JSON alike
KEY_LABELS = {STEP: "step", TAG: "tag"}


def trends(store: Store, args: argparse.Namespace) -> int:
    """Print each session's headline figures, the recurring problems and what got better, or write the report."""
    if args.output or args.format:
        return trends_report(store, args)
    found = library_trends(store, scenario=args.scenario, since=args.since or "")
    if args.json:
        print(json.dumps(trends_json(found), ensure_ascii=False, indent=1))
    elif not found.sessions:
        print(f"No sessions held since {args.since}." if args.since else "No sessions held yet.")
    else:
        print("\n".join(trends_text(found)))
    return 0


def trends_report(store: Store, args: argparse.Namespace) -> int:
    """`trends --output FILE`: the Trends report as a PDF or Markdown, in the format its suffix or --format names."""
    from studygroup.export.exporters import export_report
    from studygroup.export.trends_report import build_report, report_format

    if not args.output:
        raise StudygroupError("--format names the Trends report's format; give the file with --output.")
    if args.json:
        raise StudygroupError("--json prints the trends; leave it out to write the report to --output.")
    output = Path(args.output)
    fmt = report_format(output, args.format)
    report = build_report(store, scenario=args.scenario, since=args.since or "")
    export_report(fmt, report, output)
    print(f"Wrote the Trends report of {len(report.trends.sessions)} sessions to {output}")
    return 0


def search(store: Store, args: argparse.Namespace) -> int:
    """Print the notes matching every word of the query, best first."""
    query = " ".join(args.query)
    if not query.split():
        raise StudygroupError("The search needs at least one word.")
    hits = store.search(query, limit=args.limit)
    if args.json:
        print(json.dumps([hit_json(hit) for hit in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print(f"No note matches {terminal_line(query)!r}.")
    for hit in hits:
        when = f"{hit.session_date}  {clock_text(hit.session_seconds):>8}"
        print(f"{when}  {terminal_line(hit.author)}  ({terminal_line(hit.session_title)})")
        print("    " + terminal_line(hit.marked(*HIGHLIGHT)))
    return 0


def trends_json(found: Trends) -> dict[str, object]:
    titles = {s.id: s.title for s in found.sessions}
    return {
        "sessions": [session_json(s) for s in found.sessions],
        "recurring": [problem_json(p) for p in found.recurring],
        "got_better": [better_json(b, titles) for b in found.got_better],
    }


def session_json(session: SessionHeadline) -> dict[str, object]:
    figures = session.figures
    return {
        "id": session.id,
        "title": session.title,
        "date": session.date,
        "facilitator": session.facilitator,
        "scenario": scenario_key(session),
        "people": figures.people,
        "people_without_bad_day": figures.people_without_bad_day,
        "share_without_bad_day": _rounded(figures.share_without_bad_day),
        "bad_days": figures.bad_days,
        "bad_days_per_person": _rounded(figures.bad_days_per_person),
    }


def problem_json(problem: RecurringProblem) -> dict[str, object]:
    return {
        "type": problem.key_kind,
        "name": problem.name,
        "sessions": problem.sessions,
        "worst_severity": problem.worst_severity,
        "notes": problem.notes,
        "trend": problem.trend,
        "problems_per_person_latest": _rounded(problem.latest_rate),
        "problems_per_person_before": _rounded(problem.earlier_rate),
        "session_ids": list(problem.session_ids),
    }


def better_json(better: GotBetter, titles: dict[str, str]) -> dict[str, object]:
    return {
        "journey_step": better.step,
        "bad_days_before": better.bad_days_before,
        "last_bad_day_session_id": better.last_bad_day_session_id,
        "last_bad_day_session_title": titles[better.last_bad_day_session_id],
        "sessions_since_without_bad_day": better.calm_sessions,
    }


def hit_json(hit: SearchHit) -> dict[str, object]:
    return {
        "note_id": hit.note_id,
        "session_id": hit.session_id,
        "session_title": hit.session_title,
        "session_date": hit.session_date,
        "author": hit.author,
        "time": clock_text(hit.session_seconds),
        "session_seconds": hit.session_seconds,
        "kind": hit.kind,
        "snippet": hit.marked(*HIGHLIGHT),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def trends_text(found: Trends) -> list[str]:
    """The three tables of `studygroup trends`."""
    return [*_sessions_table(found), "", *_recurring_table(found), "", *_got_better_lines(found)]


def _sessions_table(found: Trends) -> list[str]:
    lines = [
        f"Sessions, oldest first ({len(found.sessions)})",
        "date        people  without a bad day  bad days/person  title",
    ]
    for s in found.sessions:
        figures = f"{s.figures.people:>6}  {share_words(s):>17}  {per_person_words(s):>15}"
        lines.append(f"{s.date:<10}  {figures}  {terminal_line(s.title)}")
    return lines


def _recurring_table(found: Trends) -> list[str]:
    lines = ["Recurring problems: friction, confusion or bad days in two or more sessions"]
    if not found.recurring:
        return [*lines, "None yet."]
    lines.append("sessions  worst  notes  trend   journey step or tag")
    for p in found.recurring:
        name = f"{KEY_LABELS[p.key_kind]}: {terminal_line(p.name)}"
        lines.append(f"{p.sessions:>8}  {p.worst_severity:>5}  {p.notes:>5}  {p.trend:<6}  {name}")
    return lines


def _got_better_lines(found: Trends) -> list[str]:
    lines = ["Got better: journey steps with bad days before and none in their latest sessions"]
    titles = {s.id: s.title for s in found.sessions}
    for b in found.got_better:
        last = terminal_line(titles[b.last_bad_day_session_id])
        step = terminal_line(b.step)
        lines.append(f"{step}: {b.bad_days_before} bad days, the last in '{last}'; none in the {b.calm_sessions} since")
    return lines if found.got_better else [*lines, "None yet."]
