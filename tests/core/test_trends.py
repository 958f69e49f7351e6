"""The library's trends over a hand-built library (tests/core/library.py), with figures worked out by hand."""

import pytest

from studygroup.errors import NotFound
from studygroup.library import SessionHeadline
from studygroup.summary import BadDays, summarise
from studygroup.trends import (
    library_trends,
    problem_quotes,
    scenario_key,
    sessions_of_scenario,
    trend_word,
)
from tests.core.library import build_library


@pytest.fixture
def library(store):
    return build_library(store)


def _problems(trends):
    return [(p.key_kind, p.name, p.sessions, p.worst_severity, p.notes, p.trend) for p in trends.recurring]


def test_headline_per_held_session_oldest_first(store, library):
    trends = library_trends(store)
    assert [(s.title, s.date) for s in trends.sessions] == [
        ("One", "2026-01-05"),
        ("Two", "2026-02-02"),
        ("Three", "2026-03-02"),
        ("Four", "2026-04-06"),
    ]  # "Later" is only planned
    figures = [(s.figures.people, s.figures.people_with_bad_day, s.figures.bad_days) for s in trends.sessions]
    # One: Bo's two bad days and the facilitator's one (not one of the people); Four: its bad day is deleted.
    assert figures == [(4, 1, 3), (5, 2, 2), (4, 0, 0), (6, 0, 0)]
    assert [s.figures.share_without_bad_day for s in trends.sessions] == [0.75, 0.6, 1.0, 1.0]
    assert [s.figures.bad_days_per_person for s in trends.sessions] == [0.75, 0.4, 0.0, 0.0]
    assert trends.sessions[0].facilitator == "Jo Facil"


def test_a_sessions_headline_equals_its_summarys(store, library):
    for headline in library_trends(store).sessions:
        session = store.load_session(headline.id)
        notes = store.observations(headline.id, include_deleted=True)
        assert summarise(session, notes).bad_days == headline.figures


def test_bad_day_figures_of_a_session_without_people():
    figures = BadDays(people=0, people_with_bad_day=0, bad_days=2)
    assert (figures.share_without_bad_day, figures.bad_days_per_person) == (None, None)


def test_recurring_problems_ranked_with_their_trend(store, library):
    assert _problems(library_trends(store)) == [
        ("tag", "mobile", 4, 3, 5, "worse"),  # 2 of 6 people in Four against 0.233 a person before
        ("journey_step", "Checkout", 3, 3, 5, "same"),  # 0.333 in Four against 0.5 and 0.2 (mean 0.35)
        ("journey_step", "Sign-up", 3, 3, 5, "worse"),  # 0.333 against 0.25, 0.4 and Three's 0
        ("journey_step", "Payouts", 2, 3, 3, "better"),  # none in Four, whose one bad day is deleted
        ("tag", "money", 2, 3, 3, "better"),
    ]


def test_the_rates_behind_a_trend(store, library):
    sign_up = next(p for p in library_trends(store).recurring if p.name == "Sign-up")
    assert sign_up.latest_rate == pytest.approx(2 / 6)
    assert sign_up.earlier_rate == pytest.approx((1 / 4 + 2 / 5 + 0) / 3)


def test_keys_differing_in_case_are_one_key_named_as_last_spelled(store, library):
    sign_up = next(p for p in library_trends(store).recurring if p.name == "Sign-up")
    assert sign_up.spellings == ("Sign-up", "sign-up")
    titles = {s.id: s.title for s in library.sessions.values()}
    assert [titles[i] for i in sign_up.session_ids] == ["One", "Two", "Four"]


def test_a_step_counts_only_in_sessions_that_offered_it(store, library):
    """Three never had a Checkout step, so it neither lowers Checkout's earlier rate nor is its latest session."""
    checkout = next(p for p in library_trends(store).recurring if p.name == "Checkout")
    assert checkout.earlier_rate == pytest.approx((2 / 4 + 1 / 5) / 2)
    assert checkout.latest_rate == pytest.approx(2 / 6)


def test_got_better_needs_two_calm_sessions_since_the_last_bad_day(store, library):
    better = library_trends(store).got_better
    # Checkout: bad days only in One, none in Two and Four. Payouts: its last bad day is in Two, one session ago.
    assert [(b.step, b.bad_days_before, b.calm_sessions) for b in better] == [("Checkout", 2, 2)]
    assert better[0].last_bad_day_session_id == library.sessions["One"].id


def test_deleted_notes_never_count(store, library):
    store.set_deleted(library.notes["d4"].id, False)  # Four's bad day at Payouts is back
    trends = library_trends(store)
    payouts = next(p for p in trends.recurring if p.name == "Payouts")
    assert (payouts.sessions, payouts.notes, payouts.trend) == (3, 4, "better")  # 1 of 6 against 0.325
    assert trends.sessions[-1].figures == BadDays(people=6, people_with_bad_day=1, bad_days=1)
    store.set_deleted(library.notes["b1"].id, True)
    sign_up = next(p for p in library_trends(store).recurring if p.name == "Sign-up")
    assert (sign_up.notes, sign_up.worst_severity) == (4, 2)


def test_scenario_filter(store, library):
    bakery = library_trends(store, scenario="bakery")
    assert [s.title for s in bakery.sessions] == ["One", "Two", "Four"]
    assert _problems(bakery)[:3] == [
        ("journey_step", "Checkout", 3, 3, 5, "same"),
        ("journey_step", "Sign-up", 3, 3, 5, "same"),  # 0.333 against 0.25 and 0.4, Three left out
        ("tag", "mobile", 3, 3, 4, "worse"),
    ]
    billing = library_trends(store, scenario="saas_billing")
    assert ([s.title for s in billing.sessions], billing.recurring, billing.got_better) == (["Three"], [], [])


def test_unknown_scenario_names_the_ones_used(store, library):
    with pytest.raises(NotFound, match=r"'nope' \(scenarios used: bakery, saas_billing\)"):
        library_trends(store, scenario="nope")


def test_a_card_without_key_goes_by_its_company():
    keyless = SessionHeadline("s1", "T", "2026-01-01", "F", "", "Crumb & Co", BadDays(4, 0, 0))
    assert scenario_key(keyless) == "crumb_co"
    assert sessions_of_scenario([keyless], "crumb_co") == [keyless]


def test_since_filter(store, library):
    trends = library_trends(store, since="2026-02-02")
    assert [s.title for s in trends.sessions] == ["Two", "Three", "Four"]
    assert _problems(trends) == [
        ("tag", "mobile", 3, 3, 4, "worse"),
        ("journey_step", "Sign-up", 2, 3, 4, "worse"),
        ("journey_step", "Checkout", 2, 2, 3, "worse"),
    ]
    assert trends.got_better == []
    assert library_trends(store, since="2026-04-07").sessions == []


@pytest.mark.parametrize(
    "latest, earlier, word",
    [(1.2, 1.0, "same"), (1.21, 1.0, "worse"), (0.8, 1.0, "same"), (0.79, 1.0, "better"), (0.0, 0.5, "better")],
)
def test_trend_word_band(latest, earlier, word):
    assert trend_word(latest, earlier) == word


def test_quotes_name_their_session_and_author_worst_first(store, library):
    trends = library_trends(store)
    payouts = next(p for p in trends.recurring if p.name == "Payouts")
    quotes = problem_quotes(store, payouts)
    assert [(q.text, q.session_title, q.author, q.severity) for q in quotes] == [
        ("b5: bad_day at Payouts", "Two", "Ia", 3),
        ("b4: bad_day at Payouts", "Two", "Hu", 2),
        ("a4: bad_day at Payouts", "One", "Jo Facil (facilitator)", 1),
    ]  # a6 and d4 are deleted
    assert quotes[0].session_id == library.sessions["Two"].id and quotes[0].session_seconds == 300.0


def test_quotes_of_a_tag_and_of_every_spelling(store, library):
    trends = library_trends(store)
    money = next(p for p in trends.recurring if p.name == "money")
    assert [q.text for q in problem_quotes(store, money)] == [
        "b5: bad_day at Payouts",
        "a2: bad_day at Checkout",
        "b3: confusion at Checkout",
    ]
    sign_up = next(p for p in trends.recurring if p.name == "Sign-up")
    assert [q.text for q in problem_quotes(store, sign_up, limit=3)] == [
        "b1: friction at sign-up",
        "d1: friction at Sign-up",
        "d2: friction at Sign-up",
    ]


def test_an_empty_library_has_no_trends(store):
    trends = library_trends(store)
    assert (trends.sessions, trends.recurring, trends.got_better) == ([], [], [])
