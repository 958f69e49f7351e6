"""The PDF summary's sections after the charts, and the top problems that lead it.

Each function turns part of the Summary into flowables; every figure and word comes from
studygroup.summary, so the PDF says what the Markdown and the Review page say.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer

from studygroup.export.pdfparts import Story, data_table, long_text, note_start, para
from studygroup.followups import state_facts
from studygroup.model import FollowUpState
from studygroup.ranking import Quote
from studygroup.summary import Summary, clock_text


def top_problems_section(summary: Summary) -> Story:
    """The worst problems first, each with its step, its figures and what one person said."""
    story = [para("Top problems", "h1")]
    if not summary.top_problems:
        return story + [para("No friction, confusion or bad day was noted.", "muted")]
    for rank, problem in enumerate(summary.top_problems, start=1):
        story += [
            para(problem.step, "problem", f"{rank}. "),
            para(summary.problem_facts(problem), "muted"),
            *quote_flowables(summary, problem.quote),
        ]
    return story


def quote_flowables(summary: Summary, quote: Quote) -> Story:
    return [*long_text(f"“{quote.note.text}”"), para(f"— {summary.quote_credit(quote)}", "quote_by")]


def themes_section(summary: Summary) -> Story:
    story = [para("Themes", "h1")]
    for title, counts in (
        ("Journey steps with the most notes", summary.top_steps),
        ("Most frequent tags", [(f"#{t}", n) for t, n in summary.top_tags]),
    ):
        story.append(para(title, "h2"))
        if counts:
            rows = [[para("Label", "muted"), para("Notes", "muted")]] + [[para(k), para(str(n))] for k, n in counts]
            story.append(data_table(rows, [0.8, 0.2]))
        else:
            story.append(para("None recorded.", "muted"))
    for kind, title in (("delight", "Moments of delight"), ("bad_day", "Bad days, in their words")):
        if summary.quotes[kind]:
            story.append(para(title, "h2"))
            for quote in summary.quotes[kind]:
                story += quote_flowables(summary, quote)
    return story


def agenda_section(summary: Summary) -> Story:
    rows = [[para("Phase", "muted"), para("Planned", "muted"), para("Actual", "muted")]]
    for row in summary.agenda:
        actual = "did not run" if row.actual_minutes is None else f"{row.actual_minutes:.0f} min"
        rows.append([para(row.name), para(f"{row.planned_minutes:.0f} min"), para(actual)])
    return [CondPageBreak(40 * mm), para("The agenda as it ran", "h1"), data_table(rows, [0.6, 0.2, 0.2])]


def follow_up_section(summary: Summary) -> Story:
    story = [
        para("Follow-ups for later", "h1"),
        para(
            "Rule 2 kept these out of the session: ideas for later and notes flagged for follow-up, "
            "for whoever files the bugs.",
            "muted",
        ),
    ]
    if not summary.follow_ups:
        return story + [para("None.", "muted")]
    for note in summary.follow_ups:
        where = note.journey_step or summary.phase_name(note)
        story += [
            note_start(),
            para(f"{summary.session.author_name(note.author_id)} · {where}", "note_head", "☐ "),
            *long_text(note.text),
            *follow_up_state(summary.follow_up_states.get(note.id)),
        ]
    return story


def follow_up_state(state: FollowUpState | None) -> Story:
    """The owner and status on one line, the link (which may be long and has no spaces) on its own."""
    facts = state_facts(state)
    said = " · ".join(f"{label}: {value}" for label, value in facts if label != "Link")
    story = [para(said, "muted")] if said else []
    return story + [para(f"Link: {value}", "link") for label, value in facts if label == "Link"]


def question_round_section(summary: Summary) -> Story:
    """How long each person spoke while the probing questions went round, then what was said in each turn.

    Nothing when there was no round.
    """
    if not summary.airtime and not summary.said:
        return []
    story: Story = [CondPageBreak(40 * mm), para("Question round", "h1")]
    if summary.airtime:
        rows = [[para("Person", "muted"), para("Airtime", "muted"), para("Share", "muted")]]
        rows += [[para(row.name), para(clock_text(row.seconds)), para(f"{row.share:.0%}")] for row in summary.airtime]
        story += [
            para("How long each person spoke while the probing questions went round the group.", "muted"),
            data_table(rows, [0.6, 0.2, 0.2]),
        ]
    return story + said_section(summary)


def said_section(summary: Summary) -> Story:
    """Each question, then each turn on it: who, how long, and what was said (a dash when nothing was noted)."""
    if not summary.said:
        return []
    story: Story = [para("What was said", "h2")]
    for number, question in enumerate(summary.said, start=1):
        rows = [[para("Person", "muted"), para("Spoke", "muted"), para("What was said", "muted")]]
        rows += [
            [para(turn.name), para(turn.spoken), para(turn.text) if turn.text else para("—", "muted")]
            for turn in question.turns
        ]
        story += [
            CondPageBreak(30 * mm),
            Spacer(1, 2 * mm),  # each question apart from the table above
            para(question.question, "body", f"<b>{number}.</b> "),
            data_table(rows, [0.24, 0.1, 0.66]),
        ]
    return story
