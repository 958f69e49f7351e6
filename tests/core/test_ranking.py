"""Quotes said once however often they were written, and the top problems in their literal order."""

from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.ranking import quotes, same_words, top_problems
from studygroup.summary import summarise

A, B, C, D = "a", "b", "c", "d"


def note(text, kind="friction", severity=1, author=A, step="", at=0.0, deleted_at=None) -> Observation:
    return Observation(
        "s",
        text,
        kind=kind,
        severity=severity,
        author_id=author,
        journey_step=step,
        session_seconds=at,
        deleted_at=deleted_at,
    )


def test_same_words_ignore_case_and_spacing_but_not_punctuation():
    assert same_words("  Lovely\tPAGE \n here ") == "lovely page here"
    assert same_words("Lovely page. #mobile #UX") == same_words("#design lovely  page.") == "lovely page."
    assert same_words("Price in C# is #3") == "price in c# is #3"
    assert same_words("Lovely page!") != same_words("Lovely page")


def test_the_same_words_are_one_quote_naming_everyone_who_wrote_them():
    merged = quotes(
        [
            note("Lovely  page!", "delight", author=A, at=10),
            note("lovely page!", "delight", author=B, at=20),
            note("LOVELY PAGE!", "delight", author=A, at=30),
            note("Other thing", "delight", author=C, at=5),
        ]
    )
    assert [(q.note.text, q.authors) for q in merged] == [("Lovely  page!", (A, B)), ("Other thing", (C,))]
    assert [q.people for q in merged] == [2, 1]


def test_the_printed_copy_is_the_most_severe_and_quotes_rank_by_severity_then_people_then_time():
    merged = quotes(
        [
            note("It broke", "bad_day", severity=1, author=A, at=5),
            note("it broke", "bad_day", severity=3, author=B, at=50),
            note("Lost my work", "bad_day", severity=3, author=C, at=1),
            note("Slow", "bad_day", severity=2, author=C, at=2),
            note("slow", "bad_day", severity=2, author=D, at=3),
            note("Confusing", "bad_day", severity=2, author=D, at=0),
        ]
    )
    assert [(q.note.text, q.note.author_id, q.people) for q in merged] == [
        ("it broke", B, 2),
        ("Lost my work", C, 1),
        ("Slow", C, 2),
        ("Confusing", D, 1),
    ]


def ranked_notes() -> list[Observation]:
    return [
        note("payout late", "bad_day", 2, A, "Payouts", at=1),
        note("payout page slow", "friction", 1, B, "Payouts", at=2),
        note("sign-up broke", "friction", 3, A, "Sign-up", at=3),
        note("sign-up broke again", "friction", 3, A, "Sign-up", at=4),
        note("which button?", "confusion", 3, A, "Checkout", at=5),
        note("Which button?", "confusion", 3, B, "Checkout", at=6),
        note("refund form", "friction", 2, A, "Refunds", at=7),
        note("refund email", "friction", 2, A, "Refunds", at=8),
        note("refund status", "friction", 1, A, "Refunds", at=9),
        note("bank form", "friction", 2, C, "Bank", at=10),
        note("bank again", "friction", 1, D, "Bank", at=11),
        note("lost", "confusion", 1, D, "", at=12),
        note("lovely", "delight", 3, A, "Ghost", at=13),
        note("a question", "question", 3, B, "Ghost", at=14),
    ]


def test_top_problems_rank_by_worst_severity_then_people_then_notes_then_name():
    ranked = top_problems(ranked_notes(), limit=10)
    assert [(p.step, p.worst_severity, p.people, p.notes) for p in ranked] == [
        ("Checkout", 3, 2, 2),
        ("Sign-up", 3, 1, 2),
        ("Bank", 2, 2, 2),
        ("Payouts", 2, 2, 2),
        ("Refunds", 2, 1, 3),
        ("Other", 1, 1, 1),
    ]
    assert [(p.quote.note.text, p.quote.people) for p in ranked[:3]] == [
        ("which button?", 2),
        ("sign-up broke", 1),
        ("bank form", 1),
    ]


def test_the_summary_keeps_five_top_problems_and_leaves_deleted_notes_out():
    session = Session("t", "2026-03-03", "f", Scenario("c", "w", "o"), phases=[Phase("Explore", 30)])
    notes = ranked_notes() + [note("gone", "bad_day", 3, C, "Deleted step", at=15, deleted_at=20.0)]
    summary = summarise(session, notes)
    assert [p.step for p in summary.top_problems] == ["Checkout", "Sign-up", "Bank", "Payouts", "Refunds"]


def test_a_top_problems_figures_and_a_repeated_quotes_credit_read_as_words():
    explore = Phase("Explore", 30)
    ada, bo = Participant("Ada", id=A), Participant("Bo", id=B)
    session = Session("t", "2026-03-03", "Jo", Scenario("c", "w", "o"), phases=[explore], participants=[ada, bo])
    notes = [note("which button?", "confusion", 3, A, "Checkout"), note("Which button?", "confusion", 2, B, "Checkout")]
    for item in notes:
        item.phase_id = explore.id
    summary = summarise(session, notes)
    (problem,) = summary.top_problems
    assert summary.problem_facts(problem) == "worst: if this weren't my job, I'd give up · 2 people · 2 notes"
    assert summary.quote_credit(problem.quote) == "Ada, Explore (2 people)"
    alone = summarise(session, notes[:1])
    assert (
        alone.problem_facts(alone.top_problems[0]) == "worst: if this weren't my job, I'd give up · 1 person · 1 note"
    )
    assert alone.quote_credit(alone.top_problems[0].quote) == "Ada, Explore"
