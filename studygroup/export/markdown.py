"""The summary as Markdown, ready to paste into a wiki page or an issue.

Same sections and figures as the PDF (studygroup.summary); user text is escaped so a
note that contains Markdown or HTML is shown as typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from studygroup.atomicfile import atomic_write
from studygroup.export.textsafe import md_link, md_text
from studygroup.followups import state_facts
from studygroup.model import KIND_KEYS, KIND_LABELS, FollowUpState, Observation, Session, Turn
from studygroup.ranking import Quote
from studygroup.scenarios import card_sections
from studygroup.summary import OTHER, Summary, clock_text, is_severe, kind_label, plural, severity_words, summarise


def export_markdown(
    session: Session,
    observations: list[Observation],
    path: Path,
    states: Mapping[str, FollowUpState] | None = None,
    turns: Sequence[Turn] = (),
) -> None:
    """Write the Markdown summary of *session* to *path* atomically; *states* are the follow-ups' by note id,
    *turns* the question round's."""
    text = render_markdown(summarise(session, observations, states, turns))
    with atomic_write(Path(path), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def render_markdown(summary: Summary) -> str:
    sections = (
        _cover,
        _headlines,
        _top_problems,
        _counts,
        _themes,
        _agenda,
        _question_round,
        _follow_ups,
        _friction_log,
    )
    return "\n".join(line for section in sections for line in section(summary)) + "\n"


def _block(text: str, indent: str = "") -> str:
    """Multi-line user text kept inside one list item: hard line breaks, continuation indented."""
    return ("  \n" + indent).join(md_text(line) for line in text.splitlines() or [""])


def _cover(summary: Summary) -> list[str]:
    session, card = summary.session, summary.session.scenario
    lines = [
        f"# {md_text(session.title)}",
        "",
        f"{md_text(session.date)} · facilitated by {md_text(session.facilitator or 'the facilitator')}",
        "",
        f"## {md_text(card.company)}",
        "",
        _block(card.who_they_are),
        "",
    ]
    for label, value in card_sections(card):
        if value:
            lines += [f"**{label}:** {_block(value)}", ""]
    lines += ["### The group", ""]
    lines += _table(
        ("Name", "Discipline or team", "Role"), [(p.name, p.discipline, p.role) for p in session.participants]
    )
    lines += [
        "",
        "### The two rules",
        "",
        f"1. {_block(card.rule_one, '   ')}",
        f"2. {_block(card.rule_two, '   ')}",
        "",
    ]
    return lines


def _table(header: tuple[str, ...], rows: Sequence[tuple[object, ...]]) -> list[str]:
    def cells(row: tuple[object, ...]) -> str:
        return "| " + " | ".join(md_text(str(v)).replace("\n", " ") for v in row) + " |"

    return [cells(header), "|" + "---|" * len(header), *(cells(row) for row in rows)]


def _headlines(summary: Summary) -> list[str]:
    return ["## What happened", "", *(f"- **{md_text(line)}**" for line in summary.headlines), ""]


def _top_problems(summary: Summary) -> list[str]:
    """The worst problems first, each with its step, its figures and what one person said."""
    lines = ["## Top problems", ""]
    if not summary.top_problems:
        return lines + ["No friction, confusion or bad day was noted.", ""]
    for rank, problem in enumerate(summary.top_problems, start=1):
        lines += [
            f"{rank}. **{md_text(problem.step)}** · {md_text(summary.problem_facts(problem))}  ",
            *_quote(summary, problem.quote, "   "),
        ]
    return lines


def _quote(summary: Summary, quote: Quote, indent: str = "") -> list[str]:
    """A quote block and its credit, then a blank line; *indent* keeps it inside a list item."""
    return [
        f"{indent}> {_block(quote.note.text, indent + '> ')}  ",
        f"{indent}> — {md_text(summary.quote_credit(quote))}",
        "",
    ]


def _counts(summary: Summary) -> list[str]:
    """The charts' figures as tables: notes by phase, by journey step and by person, split by kind."""
    lines = []
    for title, table in (
        ("Notes by phase, split by kind", summary.by_phase),
        ("Notes by journey step, split by kind", summary.by_step),
        ("Notes by person, split by kind", summary.by_person),
    ):
        lines += [f"### {title}", ""]
        rows = [(name, *(counts[k] for k in KIND_KEYS), sum(counts.values())) for name, counts in table.items()]
        lines += _table(("", *(KIND_LABELS[k] for k in KIND_KEYS), "Total"), rows) + [""]
    return lines


def _themes(summary: Summary) -> list[str]:
    lines = ["## Themes", "", "### Journey steps with the most notes", ""]
    lines += [f"- {md_text(step)}: {count}" for step, count in summary.top_steps] or ["- None recorded."]
    lines += ["", "### Most frequent tags", ""]
    lines += [f"- \\#{md_text(tag)}: {count}" for tag, count in summary.top_tags] or ["- None recorded."]
    for kind, title in (("delight", "Moments of delight"), ("bad_day", "Bad days, in their words")):
        if summary.quotes[kind]:
            lines += ["", f"### {title}", ""]
            for quote in summary.quotes[kind]:
                lines += _quote(summary, quote)
    return lines + [""]


def _agenda(summary: Summary) -> list[str]:
    rows = [
        (
            row.name,
            f"{row.planned_minutes:.0f} min",
            "did not run" if row.actual_minutes is None else f"{row.actual_minutes:.0f} min",
        )
        for row in summary.agenda
    ]
    return ["## The agenda as it ran", "", *_table(("Phase", "Planned", "Actual"), rows), ""]


def _question_round(summary: Summary) -> list[str]:
    """Airtime per person in the question round, then what was said in each turn; nothing when there was no round."""
    if not summary.airtime and not summary.said:
        return []
    lines = ["## Question round", ""]
    if summary.airtime:
        rows = [(row.name, clock_text(row.seconds), f"{row.share:.0%}") for row in summary.airtime]
        lines += [
            "How long each person spoke while the probing questions went round the group.",
            "",
            *_table(("Person", "Airtime", "Share"), rows),
            "",
        ]
    if summary.said:
        lines += ["### What was said", ""]
    for number, question in enumerate(summary.said, start=1):
        lines += [f"**{number}. {_block(question.question)}**", ""]
        lines += _table(
            ("Person", "Spoke", "What was said"), [(t.name, t.spoken, t.text or "—") for t in question.turns]
        )
        lines.append("")
    return lines


def _follow_ups(summary: Summary) -> list[str]:
    lines = ["## Follow-ups for later", ""]
    for note in summary.follow_ups:
        where = note.journey_step or summary.phase_name(note)
        who = f"{summary.session.author_name(note.author_id)} · {where}"
        lines.append(f"- [ ] {_block(note.text, '      ')} ({md_text(who)})")
        facts = state_facts(summary.follow_up_states.get(note.id))
        if facts:
            lines[-1] += "  \n      " + " · ".join(f"{label}: {state_value(label, value)}" for label, value in facts)
    return lines + (["- None."] if not summary.follow_ups else []) + [""]


def state_value(label: str, value: str) -> str:
    """A follow-up's owner or status as escaped text, its link as a link."""
    return md_link(value) if label == "Link" else md_text(value)


def _friction_log(summary: Summary) -> list[str]:
    lines = ["## Friction log", ""]
    for author_id, notes in summary.log_by_author.items():
        heading = f"{summary.session.author_name(author_id)} ({plural(len(notes), 'note')})"
        lines += [f"### {md_text(heading)}", ""]
        for note in notes:
            severe = "**severe** · " if is_severe(note) else ""
            facts = " · ".join(
                md_text(v)
                for v in (
                    clock_text(note.session_seconds),
                    summary.phase_name(note),
                    note.journey_step or OTHER,
                    kind_label(note.kind),
                    severity_words(note),
                )
                if v
            )
            lines.append(f"- {severe}{facts}  \n  {_block(note.text, '  ')}")
        lines.append("")
    return lines
