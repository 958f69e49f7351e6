"""Search across sessions: hits with marked snippets, any query as plain words, an index that follows every write."""

import dataclasses

import pytest

from studygroup.exchange.bundle import export_bundle, import_bundle
from studygroup.model import Observation, Participant, Scenario, Session
from studygroup.storage.search_rows import fts_query
from studygroup.storage.store import Store


def index_in_step(store):
    """FTS5's own check that the index matches observations, row by row (rank 1: against the content table)."""
    store.db.connection.execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)")
    return True


@pytest.fixture
def session(store):
    session = Session(
        "Payments day", "2026-02-03", "Jo", Scenario("Co", "who", "why"), participants=[Participant("Ada")]
    )
    store.save_session(session)
    return session


def add(store, session, text, **fields):
    fields.setdefault("author_id", session.participants[0].id)
    return store.add_observation(Observation(session.id, text, **fields))


def texts(store, query, limit=50):
    """The snippets of the hits, markers left out."""
    return [hit.marked("", "") for hit in store.search(query, limit)]


def test_a_hit_names_its_session_author_and_time_with_the_match_marked(store, session):
    note = add(store, session, "The payout page said T+2 and nothing else", kind="confusion", session_seconds=754)
    add(store, session, "Lovely checkout", author_id=None)
    [hit] = store.search("payout")
    assert (hit.note_id, hit.session_id, hit.session_title, hit.session_date) == (
        note.id,
        session.id,
        "Payments day",
        "2026-02-03",
    )
    assert (hit.author, hit.session_seconds, hit.kind) == ("Ada", 754, "confusion")
    assert hit.snippet == (("The ", False), ("payout", True), (" page said T+2 and nothing else", False))
    assert hit.marked("[", "]") == "The [payout] page said T+2 and nothing else"
    assert store.search("checkout")[0].author == "Jo (facilitator)"


def test_every_word_must_match_and_the_last_may_be_a_start(store, session):
    add(store, session, "payout page was slow")
    add(store, session, "payout date unclear")
    assert texts(store, "payout slow") == ["payout page was slow"]
    assert sorted(texts(store, "pay")) == ["payout date unclear", "payout page was slow"]
    assert texts(store, "pay slow") == []  # only the last word is a prefix
    assert texts(store, "PAYOUT Unclear") == ["payout date unclear"]


def test_best_match_first(store, session):
    add(store, session, "a long note that mentions the refund once among many other words about the day")
    add(store, session, "refund refund refund")
    assert texts(store, "refund") == [
        "refund refund refund",
        "a long note that mentions the refund once among many other words…",  # twelve words around the match
    ]
    assert len(store.search("refund", limit=1)) == 1


def test_expected_and_what_happened_are_searched(store, session):
    add(store, session, "Upload", expected="a green tick", happened="the spinner never stopped")
    [hit] = store.search("spinner")
    assert hit.marked("[", "]") == "the [spinner] never stopped"


def test_accents_and_case_aside(store, session):
    add(store, session, "Le café était fermé")
    assert texts(store, "cafe ETAIT") == ["Le café était fermé"]


def test_cjk_found_by_the_start_of_a_run_and_emoji_kept(store, session):
    add(store, session, "支付页面很慢 😀 真的")
    [hit] = store.search("支付")
    assert hit.snippet == (("支付页面很慢", True), (" 😀 真的", False))
    assert texts(store, "页面") == []  # inside a run: a limit of the unicode61 tokenizer
    assert texts(store, "😀") == []  # emoji separate words, so an emoji alone searches nothing


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "NEAR(", "NEAR(a b", "-x", "a OR", "OR", "AND", "NOT", "a AND", "(", ")", "^a", "text:a", "a:",
     "'", "\\", "%", "_", "\x00", "\u202e", "🙂", "支付 *", 'a "b c', "{text expected}: a", "a" * 10_000,
     " ".join(["a"] * 5000), "x" + "\"'*()-:^" * 1250],
)  # fmt: skip
def test_any_query_is_plain_words_and_never_raises(store, session, query):
    add(store, session, 'the "quoted" NEAR(thing) - x AND y a OR b')
    assert isinstance(store.search(query), list)


def test_syntax_characters_are_searched_as_words(store, session):
    add(store, session, "we need the NEAR thing OR the other")
    add(store, session, "nothing here")
    assert texts(store, "NEAR OR") == ["we need the NEAR thing OR the other"]
    assert texts(store, '"near"') == ["we need the NEAR thing OR the other"]  # quotes are only characters
    assert texts(store, "-other") == ["we need the NEAR thing OR the other"]  # a minus is no NOT


def test_blank_query_finds_nothing(store, session):
    add(store, session, "anything")
    assert store.search("") == [] and store.search("  \n\t ") == []


def test_fts_query_quotes_each_word_and_prefixes_the_last():
    assert fts_query('pay "out" NEAR(') == '"pay" """out""" "NEAR("*'
    assert fts_query("   ") == ""


def test_user_text_cannot_fake_a_highlight(store, session):
    add(store, session, "marker \x02 and \x03 and « » around refund")
    [hit] = store.search("refund")
    assert [piece for piece, matched in hit.snippet if matched] == ["refund"]


def test_edit_keeps_the_index_in_step(store, session):
    note = add(store, session, "first words")
    note.text, note.happened = "second thoughts", "a timeout"
    store.update_observation(note)
    assert texts(store, "first") == []
    assert texts(store, "second") == ["second thoughts"]
    assert texts(store, "timeout") == ["a timeout"]
    assert index_in_step(store)


def test_delete_hides_and_undelete_brings_back(store, session):
    note = add(store, session, "gone soon")
    store.set_deleted(note.id, True)
    assert texts(store, "gone") == []
    store.set_deleted(note.id, False)
    assert texts(store, "gone") == ["gone soon"]
    assert index_in_step(store)


def test_bundle_import_is_searchable_and_a_newer_edit_replaces_the_words(store, session, tmp_path):
    note = add(store, session, "original wording")
    export_bundle(store, session.id, tmp_path / "one.json")
    with Store.open(tmp_path / "laptop2.db") as laptop2:
        import_bundle(laptop2, tmp_path / "one.json")
        assert texts(laptop2, "original") == ["original wording"]
        edited = dataclasses.replace(note, text="reworded on laptop two")
        laptop2.update_observation(edited)
        export_bundle(laptop2, session.id, tmp_path / "two.json")
        assert index_in_step(laptop2)
    import_bundle(store, tmp_path / "two.json")
    assert texts(store, "original") == []
    assert texts(store, "reworded") == ["reworded on laptop two"]
    assert index_in_step(store)


def test_search_spans_sessions(store, session):
    other = Session("Second day", "2026-03-01", "Kim", Scenario("Co", "who", "why"))
    store.save_session(other)
    add(store, session, "login loop")
    store.add_observation(Observation(other.id, "login again"))
    assert sorted(hit.session_title for hit in store.search("login")) == ["Payments day", "Second day"]
