"""The Trends read-out: what the PDF and the Markdown say about the library.

A TrendsReport is the library's trends (studygroup.trends) with the filter that chose its sessions
and the few quotes shown for each recurring problem. The sentences and axes live here, once, so the
PDF (trends_pdf.py), the Markdown (trends_md.py) and the app's Trends page say the same thing;
exporters.export_report writes either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from studygroup.errors import StudygroupError
from studygroup.library import STEP, Quote, SessionHeadline
from studygroup.model import SEVERITY_WORDS
from studygroup.summary import plural
from studygroup.trends import BETTER, WORSE, GotBetter, RecurringProblem, Trends, library_trends, problem_quotes

if TYPE_CHECKING:
    from studygroup.storage.store import Store

QUOTES_EACH = 3  # quotes printed under each recurring problem: enough to hear it, short enough to read
REPORT_FORMATS = {".pdf": "pdf", ".md": "md"}
KEY_WORDS = {STEP: "journey step"}  # anything else is a tag
TREND_WORDS = {BETTER: "better", WORSE: "worse"}  # anything else is "same"
# The bad-days-per-person axis: its top is the first of these at or above the largest value, with its step.
PER_PERSON_AXES = ((1.0, 0.25), (2.0, 0.5), (3.0, 1.0), (5.0, 1.0), (10.0, 2.0), (20.0, 5.0), (50.0, 10.0))

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class TrendsReport:
    """The trends of the chosen sessions, the filter that chose them, and each recurring problem's first quotes."""

    trends: Trends
    scenario: str | None
    since: str
    quotes: tuple[tuple[Quote, ...], ...]  # one tuple per problem of trends.recurring, in its order


def build_report(
    store: Store, scenario: str | None = None, since: str = "", quotes_each: int = QUOTES_EACH
) -> TrendsReport:
    """The report of the sessions held on or after *since*, of one scenario key when given."""
    trends = library_trends(store, scenario=scenario, since=since)
    quotes = tuple(distinct_quotes(problem_quotes(store, problem), quotes_each) for problem in trends.recurring)
    return TrendsReport(trends, scenario, since, quotes)


def distinct_quotes(quotes: list[Quote], count: int) -> tuple[Quote, ...]:
    """The first *count* quotes saying different things (case and spacing aside): one voice is not three."""
    seen: set[str] = set()
    kept = []
    for quote in quotes:
        said = " ".join(quote.text.casefold().split())
        if said not in seen:
            seen.add(said)
            kept.append(quote)
    return tuple(kept[:count])


def report_format(path: Path, fmt: str | None = None) -> str:
    """ "pdf" or "md": *fmt* when given, else from the file's suffix; one sentence when neither says."""
    if fmt is not None:
        return fmt
    found = REPORT_FORMATS.get(path.suffix.lower())
    if found is None:
        raise StudygroupError(f"The Trends report is written as .pdf or .md, not {path.name!r} (or give --format).")
    return found


def title(report: TrendsReport) -> str:
    sessions = report.trends.sessions
    return f"Trends across {plural(len(sessions), 'session')}"


def filter_line(scenario: str | None, since: str) -> str:
    """Which sessions the report covers, in words."""
    which = f"the scenario {scenario}" if scenario else "all scenarios"
    when = f"held since {since}" if since else "held at any date"
    return f"Sessions of {which}, {when}"


def span_line(sessions: list[SessionHeadline]) -> str:
    """The first and last session's dates; "" when there are none."""
    if not sessions:
        return ""
    first, last = sessions[0].date, sessions[-1].date
    return first if first == last else f"{first} to {last}"


def empty_sentence(report: TrendsReport) -> str:
    """What the report says when no session was held in its filter."""
    return f"No sessions held since {report.since}." if report.since else "No sessions held yet."


def share_words(session: SessionHeadline) -> str:
    figures = session.figures
    share = figures.share_without_bad_day
    return "no group" if share is None else f"{figures.people_without_bad_day} of {figures.people} ({share:.0%})"


def per_person_words(session: SessionHeadline) -> str:
    value = session.figures.bad_days_per_person
    return "–" if value is None else f"{value:.2f}"


def headline_row(session: SessionHeadline) -> tuple[str, str, str, str, str]:
    """Date, title, people, people without a bad day, bad days per person."""
    return session.date, session.title, str(session.figures.people), share_words(session), per_person_words(session)


HEADLINE_COLUMNS = ("Date", "Session", "People", "Without a bad day", "Bad days per person")


def key_word(problem: RecurringProblem) -> str:
    return KEY_WORDS.get(problem.key_kind, "tag")


def trend_word_of(problem: RecurringProblem) -> str:
    """ "better", "worse" or "same": the latest session it could appear in against the earlier ones."""
    return TREND_WORDS.get(problem.trend, "same")


def trend_detail(problem: RecurringProblem) -> str:
    """The rates behind the trend: "0.33 problem notes a person in its latest session, 0.23 before"."""
    latest, earlier = f"{problem.latest_rate:.2f}", f"{problem.earlier_rate:.2f}"
    return f"{latest} problem notes a person in its latest session, {earlier} before"


def severity_word(severity: int) -> str:
    return f"{severity}, {SEVERITY_WORDS.get(severity, '')}".rstrip(", ")


def problem_facts(problem: RecurringProblem, sessions: int) -> str:
    """In how many of the sessions, the worst severity, the notes: one line under the problem's name."""
    return (
        f"{key_word(problem)} · in {problem.sessions} of {plural(sessions, 'session')} · "
        f"worst: {severity_word(problem.worst_severity)} · {plural(problem.notes, 'note')}"
    )


def quote_credit(quote: Quote) -> str:
    """Who said it, in which session: "Ada, Checkout flow (2026-01-05)"."""
    return f"{quote.author}, {quote.session_title} ({quote.session_date})"


def better_sentence(better: GotBetter, sessions: list[SessionHeadline]) -> str:
    """A journey step that stopped hurting, in one sentence naming its last bad day's session."""
    last = next(s for s in sessions if s.id == better.last_bad_day_session_id)
    return (
        f"{plural(better.bad_days_before, 'bad day')} before, the last in “{last.title}” ({last.date}); "
        f"none in the {plural(better.calm_sessions, 'session')} since"
    )


def per_person_axis(sessions: list[SessionHeadline]) -> tuple[float, float]:
    """The bad-days-per-person axis (top, step): the same for the PDF and the app, from 0 to past the largest value."""
    largest = max((s.figures.bad_days_per_person or 0.0 for s in sessions), default=0.0)
    for top, step in PER_PERSON_AXES:
        if largest <= top:
            return top, step
    top = float(-(-largest // 50) * 50)
    return top, top / 5
