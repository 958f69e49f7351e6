"""The JSON bundle: full-fidelity round trip, idempotent merge, refusal of bad bundles."""

import dataclasses
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from studygroup.demo import create_demo
from studygroup.errors import BundleError
from studygroup.exchange.bundle import bundle_dict, export_bundle, import_bundle
from studygroup.model import Draft, Observation
from studygroup.storage.store import Store


@pytest.fixture
def demo(store):
    session = create_demo(store)
    note = store.observations(session.id)[0]
    note.text = "edited once"
    store.update_observation(note)
    store.set_deleted(store.observations(session.id)[1].id, True)
    store.save_draft(Draft(session.id, session.participants[0].id, "half typed"))
    return session


def test_export_import_export_is_identical(store, demo, tmp_path):
    first = tmp_path / "first.json"
    export_bundle(store, demo.id, first)
    with Store.open(tmp_path / "empty.db") as other:
        report = import_bundle(other, first)
        assert report.new_notes == 60 and report.versions_kept == 1  # the edited note's first text
        second = tmp_path / "second.json"
        export_bundle(other, report.session.id, second)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_import_is_idempotent(store, demo, tmp_path):
    path = tmp_path / "b.json"
    export_bundle(store, demo.id, path)
    report = import_bundle(store, path)
    assert (report.new_notes, report.updated_notes, report.versions_kept, report.unchanged_notes) == (0, 0, 0, 60)
    assert len(store.observations(demo.id, include_deleted=True)) == 60
    assert before_and_after_equal(store, demo.id, path)


def test_notes_from_another_laptop_merge(store, demo, tmp_path):
    path = tmp_path / "b.json"
    export_bundle(store, demo.id, path)
    with Store.open(tmp_path / "laptop2.db") as laptop2:
        import_bundle(laptop2, path)
        laptop2.add_observation(Observation(demo.id, "from laptop two", author_id=demo.participants[2].id))
        export_bundle(laptop2, demo.id, tmp_path / "back.json")
    report = import_bundle(store, tmp_path / "back.json")
    assert report.new_notes == 1 and report.updated_notes == 0
    assert "from laptop two" in [o.text for o in store.observations(demo.id)]
    assert report.lines()[0].startswith(f"Imported '{demo.title}' ({demo.id}): 1 new note, 0 updated")


def write(tmp_path, data, name="bad.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def good_bundle(store, session_id):
    return json.loads(json.dumps(bundle_dict(store, session_id)))


NOTE_ID = "0b0b0b0b-0000-4000-8000-000000000001"


def plain(note: dict) -> dict:
    """A note's fields without its versions."""
    return {key: value for key, value in note.items() if key != "versions"}


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda b: b.update(version=2), "version 2 bundle"),
        (lambda b: b.update(version=True), "version true bundle"),
        (lambda b: b.update(version=1.0), "version 1.0 bundle"),
        (lambda b: b.update(format="zip"), "not a studygroup bundle"),
        (lambda b: b.update(observations={}), "^observations: an object is not a list"),
        (lambda b: b.update(extra=1), "^extra: is not a field this format knows"),
        (
            lambda b: b["observations"][5].update(severity="high"),
            r'^observations\[5\]\.severity: "high" is not one of 1, 2, 3',
        ),
        (
            lambda b: b["observations"][5].update(severity=4),
            r"^observations\[5\]\.severity: 4 is not one of 1, 2, 3\.$",
        ),
        (
            lambda b: b["observations"][5].update(kind="rant"),
            r'^observations\[5\]\.kind: "rant" is not one of "friction"',
        ),
        (lambda b: b["observations"][59].update(text=None), r"^observations\[59\]\.text: null is not text"),
        (lambda b: b["observations"][7].update(follow_up=1), r"^observations\[7\]\.follow_up: 1 is not true or false"),
        # Python's bool is an int: true where a number is wanted, and a number where true/false is, are refused.
        (lambda b: b["session"].update(current_phase=True), r"^session\.current_phase: true is not a whole number\.$"),
        (lambda b: b["session"].update(current_phase=False), r"^session\.current_phase: false is not a whole number"),
        (lambda b: b["session"].update(auto_advance=0), r"^session\.auto_advance: 0 is not true or false\.$"),
        (lambda b: b["observations"][7].update(lingo_flag=1), r"^observations\[7\]\.lingo_flag: 1 is not true or"),
        (lambda b: b["observations"][7].update(solution_flag=0.0), r"\.solution_flag: 0\.0 is not true or false"),
        (lambda b: b["observations"][7].update(severity=True), r"^observations\[7\]\.severity: true is not one of"),
        (lambda b: b["observations"][7].update(session_seconds=True), r"\.session_seconds: true is not a number\.$"),
        (
            lambda b: b["session"]["phases"][1].update(planned_minutes=False),
            r"^session\.phases\[1\]\.planned_minutes: false is not a number\.$",
        ),
        (lambda b: b["observations"][7].pop("id"), r"^observations\[7\]\.id: is missing"),
        (lambda b: b["observations"][7].update(mood="sad"), r"^observations\[7\]\.mood: is not a field"),
        (lambda b: b["observations"][7].update(session_seconds=-1), r"session_seconds: -1 is out of range"),
        (lambda b: b["observations"][7].update(author_id=NOTE_ID), r"author_id: .* is not a participant"),
        (lambda b: b["observations"][7].update(phase_id=NOTE_ID), r"phase_id: .* is not a phase"),
        (
            lambda b: b["observations"][8].update(id=b["observations"][7]["id"]),
            r"^observations\[8\]\.id: .* appears twice",
        ),
        (lambda b: b["observations"][8].update(id="new-1"), r'^observations\[8\]\.id: "new-1" is not a UUID'),
        (lambda b: b["session"].pop("title"), r"^session\.title: is missing"),
        (lambda b: b["session"].update(facilitator=None), r"^session\.facilitator: null is not text"),
        (lambda b: b["session"].update(status="exploded"), r'^session\.status: "exploded" is not one of'),
        (
            lambda b: b["session"].update(current_phase=10**30),
            r"^session\.current_phase: 1000000000000000000000000000000 is out of range",
        ),
        (lambda b: b["session"].update(current_phase=5), r"^session\.current_phase: 5 is past the last of 5 phases"),
        (lambda b: b["session"].update(current_phase=1.0), r"^session\.current_phase: 1\.0 is not a whole number"),
        (lambda b: b["session"].update(date="next Friday"), r'^session\.date: "next Friday" is not a date'),
        (
            lambda b: b["session"]["phases"][0].update(planned_minutes=-5),
            r"phases\[0\]\.planned_minutes: -5 is out of range",
        ),
        (lambda b: b["session"]["scenario"].update(roles="baker"), r'^session\.scenario\.roles: "baker" is not a list'),
        (lambda b: b["session"]["scenario"].update(rule_one=3), r"^session\.scenario\.rule_one: 3 is not text"),
        (lambda b: b["session"]["scenario"].update(company="   "), r"^session\.scenario\.company: must not be blank"),
        (lambda b: b["session"].update(title="x" * 201), r"^session\.title: is 201 characters long; the most is 200"),
        (lambda b: b["session"]["participants"][1].update(id=b["session"]["participants"][0]["id"]), "appears twice"),
        (
            lambda b: b["drafts"].append(dict(b["drafts"][0])),
            r"drafts\[1\]\.author_id: this person already has a draft",
        ),
        (
            lambda b: b["session"].update(title="Bad \udc80 title"),
            r"^session\.title: the text has a lone surrogate \(\\udc80\) at character 5",
        ),
        (lambda b: b["session"].update(lingo=["ok", "\ud800"]), r"^session\.lingo\[1\]: the text has a lone surrogate"),
        (
            lambda b: b["observations"][3]["versions"].append(plain(b["observations"][4])),
            r"versions\[\d\]\.id: a version must have its note's id",
        ),
    ],
)
def test_bad_bundles_are_refused_and_change_nothing(tmp_path, store, demo, mutate, message):
    bundle = good_bundle(store, demo.id)
    bundle["session"]["id"] = bundle["session"]["id"]  # same session: a merge attempt
    mutate(bundle)
    with Store.open(tmp_path / "target.db") as target:
        with pytest.raises(BundleError, match=message):
            import_bundle(target, write(tmp_path, bundle))
        assert target.list_sessions() == []


def test_truncated_json_is_refused(tmp_path, store, demo):
    text = json.dumps(bundle_dict(store, demo.id))
    with pytest.raises(BundleError, match="truncated"):
        import_bundle(store, write(tmp_path, text[: len(text) // 2]))


def test_failed_merge_leaves_database_exactly_as_before(tmp_path, store, demo):
    bundle = good_bundle(store, demo.id)
    bundle["observations"].append(dict(plain(bundle["observations"][0]), id=str(uuid.uuid4()), text="fine"))
    bundle["observations"].append(
        dict(plain(bundle["observations"][0]), id=str(uuid.uuid4()), session_id=str(uuid.uuid4()))
    )
    before = bundle_dict(store, demo.id)
    with pytest.raises(BundleError, match="another session"):
        import_bundle(store, write(tmp_path, bundle))
    assert bundle_dict(store, demo.id) == before


def test_missing_file_is_a_clear_error(tmp_path, store):
    with pytest.raises(BundleError, match="There is no file"):
        import_bundle(store, tmp_path / "nope.json")


def before_and_after_equal(store, session_id, path) -> bool:
    """Importing a bundle the store already holds changes nothing."""
    return bundle_dict(store, session_id) == json.loads(path.read_text(encoding="utf-8"))


def test_numbers_past_a_float_and_nan_are_refused(tmp_path, store, demo):
    text = json.dumps(good_bundle(store, demo.id))
    for bad, word in (("1e400", "too large"), ("NaN", "NaN is not a number"), ("-Infinity", "Infinity")):
        changed = text.replace('"planned_minutes": 5', f'"planned_minutes": {bad}', 1)
        assert changed != text
        with Store.open(tmp_path / "t.db") as target, pytest.raises(BundleError, match=word):
            import_bundle(target, write(tmp_path, changed))


def test_deep_nesting_is_one_sentence(tmp_path, store):
    with pytest.raises(BundleError, match="nested too deeply"):
        import_bundle(store, write(tmp_path, "[" * 100_000 + "]" * 100_000))


def test_a_device_or_pipe_is_read_with_a_byte_cap(tmp_path, store, monkeypatch):
    from studygroup.exchange import bundle_check

    monkeypatch.setattr(bundle_check, "MAX_BUNDLE_BYTES", 1024)
    with pytest.raises(BundleError, match="larger than"):
        import_bundle(store, "/dev/zero")  # st_size is 0: only a capped read stops it
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"open({str(fifo)!r}, 'wb').write(b' ' * 4096)"], stderr=subprocess.DEVNULL
    )  # it dies of a broken pipe once we stop reading
    try:
        with pytest.raises(BundleError, match="larger than"):
            import_bundle(store, fifo)
    finally:
        writer.wait(timeout=10)
    assert store.list_sessions() == []


def test_ids_of_another_session_are_refused_and_nothing_renamed(tmp_path, store, demo):
    from studygroup.demo import create_demo as make

    other = make(store)  # a second session in the same file
    bundle = good_bundle(store, demo.id)
    bundle["session"]["id"] = str(uuid.uuid4())
    for note in bundle["observations"]:
        note["session_id"] = bundle["session"]["id"]
        for version in note.get("versions", []):
            version["session_id"] = bundle["session"]["id"]
    old_id = bundle["session"]["participants"][0]["id"]
    bundle["session"]["participants"][0]["id"] = other.participants[0].id
    for note in bundle["observations"]:
        for record in [note] + note.get("versions", []):
            if record["author_id"] == old_id:
                record["author_id"] = other.participants[0].id
    for draft in bundle["drafts"]:
        if draft["author_id"] == old_id:
            draft["author_id"] = other.participants[0].id
    before = (bundle_dict(store, demo.id), bundle_dict(store, other.id))
    with pytest.raises(BundleError, match=r"^session\.participants\[0\]\.id: .* already belongs to another session"):
        import_bundle(store, write(tmp_path, bundle))
    assert (bundle_dict(store, demo.id), bundle_dict(store, other.id)) == before


def test_a_newer_edit_from_another_laptop_wins_and_the_older_text_is_kept(tmp_path, store, demo):
    path = tmp_path / "b.json"
    export_bundle(store, demo.id, path)
    note_id = store.observations(demo.id)[2].id
    with Store.open(tmp_path / "laptop2.db", now=lambda: 3e9) as laptop2:  # its edit is later
        import_bundle(laptop2, path)
        theirs = next(n for n in laptop2.observations(demo.id) if n.id == note_id)
        original = theirs.text
        theirs.text = "edited on laptop two"
        laptop2.update_observation(theirs)
        export_bundle(laptop2, demo.id, tmp_path / "back.json")
    report = import_bundle(store, tmp_path / "back.json")
    assert (report.updated_notes, report.versions_kept) == (1, 1)
    mine = next(n for n in store.observations(demo.id) if n.id == note_id)
    assert mine.text == "edited on laptop two"
    assert [v.text for v in store.observation_versions(note_id)] == [original]
    again = import_bundle(store, tmp_path / "back.json")  # idempotent: nothing more
    assert (again.updated_notes, again.versions_kept, again.new_notes) == (0, 0, 0)


def test_an_older_edit_from_another_laptop_is_kept_as_a_version(tmp_path, store, demo):
    path = tmp_path / "b.json"
    export_bundle(store, demo.id, path)
    note_id = store.observations(demo.id)[2].id
    with Store.open(tmp_path / "laptop2.db", now=lambda: 1.0) as laptop2:  # its clock is far behind
        import_bundle(laptop2, path)
        theirs = next(n for n in laptop2.observations(demo.id) if n.id == note_id)
        theirs.text = "an older edit"
        laptop2.update_observation(theirs)
        export_bundle(laptop2, demo.id, tmp_path / "back.json")
    mine_before = next(n for n in store.observations(demo.id) if n.id == note_id)
    report = import_bundle(store, tmp_path / "back.json")
    assert report.updated_notes == 0 and report.versions_kept == 1
    assert next(n for n in store.observations(demo.id) if n.id == note_id).text == mine_before.text
    assert "an older edit" in [v.text for v in store.observation_versions(note_id)]


def test_roster_links_from_another_laptop_are_left_out(tmp_path, store, demo):
    bundle = good_bundle(store, demo.id)
    bundle["session"]["participants"][0]["roster_id"] = str(uuid.uuid4())
    with Store.open(tmp_path / "t.db") as target:
        report = import_bundle(target, write(tmp_path, bundle))
        assert report.roster_links_dropped == 1 and "1 roster link left out" in report.lines()[1]
        assert target.load_session(demo.id).participants[0].roster_id is None


# --- hand-built sessions: exact reports and files -------------------------------------------------


def small_session():
    from studygroup.model import Participant, Phase, Scenario, Session

    return Session(
        "Zoë's group",
        "2026-03-03",
        "Jo",
        Scenario("Co", "A baker", "Get paid"),
        phases=[Phase("Explore", 30)],
        participants=[Participant("Dana"), Participant("Sam")],
    )


def test_the_file_is_sorted_indented_utf8_json_ending_in_a_newline(tmp_path):
    with Store.open(tmp_path / "a.db", now=lambda: 100.0) as store:
        session = small_session()
        store.save_session(session)
        path = tmp_path / "b.json"
        export_bundle(store, session.id, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n "drafts": [],\n "format": "studygroup-bundle",\n "observations": [],\n "session": {\n')
    assert '"title": "Zoë\'s group"' in text  # as typed, not \u00eb
    assert text.endswith('\n "version": 1\n}\n')


def test_bundle_dict_holds_deleted_notes_versions_and_drafts(tmp_path):
    with Store.open(tmp_path / "a.db", now=lambda: 100.0) as store:
        session = small_session()
        store.save_session(session)
        dana = session.participants[0].id
        note = store.add_observation(Observation(session.id, "first", author_id=dana))
        note.text = "second"
        store.update_observation(note)
        gone = store.add_observation(Observation(session.id, "gone"))
        store.set_deleted(gone.id, True)
        store.save_draft(Draft(session.id, dana, "half", form={"kind": "idea"}))
        data = bundle_dict(store, session.id)
    assert (data["format"], data["version"], data["session"]["title"]) == ("studygroup-bundle", 1, "Zoë's group")
    assert [(n["text"], n["deleted_at"]) for n in data["observations"]] == [("second", None), ("gone", 100.0)]
    assert [[v["text"] for v in n["versions"]] for n in data["observations"]] == [["first"], []]
    assert data["drafts"] == [{"author_id": dana, "text": "half", "form": {"kind": "idea"}}]


def test_a_merge_reports_people_phases_and_drafts_it_added(tmp_path):
    from studygroup.model import Participant, Phase

    path = tmp_path / "b.json"
    with Store.open(tmp_path / "a.db") as laptop1:
        session = small_session()
        laptop1.save_session(session)
        laptop1.add_observation(Observation(session.id, "on laptop one"))
        export_bundle(laptop1, session.id, path)
        with Store.open(tmp_path / "b.db") as laptop2:
            import_bundle(laptop2, path)
            theirs = laptop2.load_session(session.id)
            newcomer, extra = Participant("Ana"), Phase("Share", 10)
            theirs.participants.append(newcomer)
            theirs.phases.append(extra)
            laptop2.save_session(theirs)
            laptop2.add_observation(Observation(session.id, "by Ana", author_id=newcomer.id, phase_id=extra.id))
            laptop2.save_draft(Draft(session.id, newcomer.id, "Ana's half", form={"severity": 2}))
            export_bundle(laptop2, session.id, path)
        report = import_bundle(laptop1, path)
        assert report.lines() == [
            f"Imported 'Zoë's group' ({session.id}): 1 new note, 0 updated from newer edits,"
            " 0 earlier texts kept as versions, 1 already here.",
            "Also: 1 person added, 1 phase added, 1 draft added.",
        ]
        merged = laptop1.load_session(session.id)
        assert [p.name for p in merged.participants] == ["Dana", "Sam", "Ana"]
        assert [p.name for p in merged.phases] == ["Explore", "Share"]
        assert laptop1.drafts(session.id)[newcomer.id].form == {"severity": 2}


def test_a_local_draft_wins_over_the_bundles(tmp_path):
    path = tmp_path / "b.json"
    with Store.open(tmp_path / "a.db") as store:
        session = small_session()
        store.save_session(session)
        dana, sam = (p.id for p in session.participants)
        store.save_draft(Draft(session.id, dana, "from the bundle"))
        store.save_draft(Draft(session.id, sam, "Sam's, only in the bundle"))
        export_bundle(store, session.id, path)
        store.save_draft(Draft(session.id, dana, "typed here since"))
        store.save_draft(Draft(session.id, sam, ""))
        report = import_bundle(store, path)
        assert report.drafts_added == 1 and report.lines()[1] == "Also: 1 draft added."
        assert {a: d.text for a, d in store.drafts(session.id).items()} == {
            dana: "typed here since",
            sam: "Sam's, only in the bundle",
        }


def test_a_report_with_nothing_extra_has_one_line(tmp_path, store, demo):
    path = tmp_path / "b.json"
    export_bundle(store, demo.id, path)
    assert len(import_bundle(store, path).lines()) == 1


def test_an_edit_at_the_same_moment_keeps_ours_and_theirs_as_a_version(tmp_path):
    path = tmp_path / "b.json"
    with Store.open(tmp_path / "a.db", now=lambda: 500.0) as laptop1:
        session = small_session()
        laptop1.save_session(session)
        note = laptop1.add_observation(Observation(session.id, "as typed"))
        export_bundle(laptop1, session.id, path)
        with Store.open(tmp_path / "b.db", now=lambda: 500.0) as laptop2:
            import_bundle(laptop2, path)
            theirs = laptop2.observations(session.id)[0]
            theirs.text = "their edit"
            laptop2.update_observation(theirs)
            export_bundle(laptop2, session.id, path)
        note.text = "our edit"
        laptop1.update_observation(note)
        report = import_bundle(laptop1, path)
        assert (report.updated_notes, report.unchanged_notes, report.versions_kept) == (0, 1, 1)
        assert laptop1.observations(session.id)[0].text == "our edit"
        assert [v.text for v in laptop1.observation_versions(note.id)] == ["as typed", "their edit"]


def test_a_roster_link_known_here_is_kept(tmp_path, store):
    from studygroup import roster

    [known] = roster.add_people(store, [("Dana", "Finance")])
    session = small_session()
    session.participants[0].roster_id = known.id
    store.save_session(session)
    path = tmp_path / "b.json"
    export_bundle(store, session.id, path)
    with Store.open(tmp_path / "other.db") as other:
        roster.add_people(other, [("Someone", "Else")])
        dropped = import_bundle(other, path)
    report = import_bundle(store, path)
    assert (report.roster_links_dropped, dropped.roster_links_dropped) == (0, 1)
    assert store.load_session(session.id).participants[0].roster_id == known.id


@pytest.mark.parametrize("what", ["phases", "observations"])
def test_phase_and_note_ids_of_another_session_are_refused(tmp_path, store, what):
    first, second = small_session(), small_session()
    store.save_session(first)
    note = store.add_observation(Observation(first.id, "in the first"))
    bundle = {
        "format": "studygroup-bundle",
        "version": 1,
        "session": {
            "id": second.id,
            "title": "Second",
            "date": "2026-03-03",
            "facilitator": "Jo",
            "scenario": {"company": "Co", "who_they_are": "A baker", "outcome_problem": "Get paid"},
            "phases": [
                {
                    "id": first.phases[0].id if what == "phases" else second.phases[0].id,
                    "name": "X",
                    "planned_minutes": 5,
                }
            ],
        },
        "observations": [{"id": note.id, "session_id": second.id, "text": "moved", "kind": "idea", "severity": 1}]
        if what == "observations"
        else [],
    }
    with pytest.raises(BundleError) as raised:
        import_bundle(store, write(tmp_path, bundle))
    taken = first.phases[0].id if what == "phases" else note.id
    where = "session.phases[0].id" if what == "phases" else "observations[0].id"
    assert str(raised.value) == (
        f"{where}: {taken} already belongs to another session (\u201cZoë's group\u201d); the bundle was not imported."
    )
    assert [s["id"] for s in store.list_sessions()] == [first.id]


def test_export_writes_utf8_whatever_the_locale(tmp_path):
    """A laptop whose locale is not UTF-8 (LC_ALL=C here; cp1252 on many Windows ones) writes the same file."""
    with Store.open(tmp_path / "a.db") as store:
        session = small_session()
        store.save_session(session)
        export_bundle(store, session.id, tmp_path / "here.json")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from studygroup.exchange.bundle import export_bundle\n"
        "from studygroup.storage.store import Store\n"
        "folder = Path(sys.argv[1])\n"
        "with Store.open(folder / 'a.db') as store:\n"
        "    export_bundle(store, sys.argv[2], folder / 'there.json')\n"
    )
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])  # the checkout under test
    command = [sys.executable, "-c", code, str(tmp_path), session.id]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    there = (tmp_path / "there.json").read_bytes()
    assert '"title": "Zoë\'s group"'.encode() in there
    assert there == (tmp_path / "here.json").read_bytes()


def test_a_bundle_without_phases_people_or_drafts_imports(tmp_path, store):
    session_id = "0b0b0b0b-0000-4000-8000-000000000001"
    bundle = {
        "format": "studygroup-bundle",
        "version": 1,
        "session": {
            "id": session_id,
            "title": "Bare",
            "date": "2026-03-03",
            "facilitator": "Jo",
            "scenario": {"company": "Co", "who_they_are": "A baker", "outcome_problem": "Get paid"},
        },
        "observations": [{"id": NOTE_ID, "session_id": session_id, "text": "by Jo", "kind": "idea", "severity": 1}],
    }
    report = import_bundle(store, write(tmp_path, bundle))
    assert (report.new_notes, report.drafts_added, report.lines()[1:]) == (1, 0, [])
    loaded = store.load_session(session_id)
    assert (loaded.title, loaded.phases, loaded.participants) == ("Bare", [], [])
    bundle["drafts"] = [{"author_id": None, "text": "the facilitator's half"}]  # no "form": none chosen
    assert import_bundle(store, write(tmp_path, bundle)).drafts_added == 1
    assert store.drafts(session_id) == {None: Draft(session_id, None, "the facilitator's half", 0.0, {})}


def test_every_roster_link_left_out_is_counted(tmp_path, store):
    session = small_session()
    for person in session.participants:
        person.roster_id = str(uuid.uuid4())  # on another laptop's roster
    bundle = {
        "format": "studygroup-bundle",
        "version": 1,
        "session": json.loads(json.dumps(dataclasses.asdict(session))),
        "observations": [],
    }
    report = import_bundle(store, write(tmp_path, bundle))
    assert report.lines()[1] == "Also: 2 roster links left out (that roster is on the other laptop)."
    assert [p.roster_id for p in store.load_session(session.id).participants] == [None, None]


def three_notes_on_two_laptops(tmp_path, their_clock: float):
    """Laptop one writes three notes at t=500 and shares them; laptop two edits the first two at *their_clock*."""
    path = tmp_path / "b.json"
    laptop1 = Store.open(tmp_path / "a.db", now=lambda: 500.0)
    session = small_session()
    laptop1.save_session(session)
    notes = [laptop1.add_observation(Observation(session.id, f"note {n}", session_seconds=n)) for n in range(3)]
    export_bundle(laptop1, session.id, path)
    with Store.open(tmp_path / "b.db", now=lambda: their_clock) as laptop2:
        import_bundle(laptop2, path)
        for theirs in laptop2.observations(session.id)[:2]:
            theirs.text += " (edited on laptop two)"
            laptop2.update_observation(theirs)
        export_bundle(laptop2, session.id, path)
    return laptop1, notes, path


def test_each_newer_edit_is_counted(tmp_path):
    laptop1, notes, path = three_notes_on_two_laptops(tmp_path, their_clock=900.0)
    with laptop1:
        report = import_bundle(laptop1, path)
        assert (report.updated_notes, report.versions_kept, report.unchanged_notes) == (2, 2, 1)
        assert [o.text for o in laptop1.observations(notes[0].session_id)] == [
            "note 0 (edited on laptop two)",
            "note 1 (edited on laptop two)",
            "note 2",
        ]


def test_each_older_edit_is_counted_and_kept_as_a_version(tmp_path):
    laptop1, notes, path = three_notes_on_two_laptops(tmp_path, their_clock=100.0)
    with laptop1:
        for mine in notes[:2]:  # laptop one edited them too, later
            mine.text += " (edited here)"
            laptop1.update_observation(mine)
        report = import_bundle(laptop1, path)
        assert (report.updated_notes, report.versions_kept, report.unchanged_notes) == (0, 2, 3)
        assert [v.text for v in laptop1.observation_versions(notes[1].id)] == [
            "note 1",
            "note 1 (edited on laptop two)",
        ]


def test_the_report_counts_each_thing_with_its_own_word():
    from studygroup.exchange.bundle import ImportReport

    session = small_session()
    counts = dict(new_notes=1, versions_kept=1, people_added=2, phases_added=1, drafts_added=2)
    report = ImportReport(session, **counts, follow_ups_added=1, follow_ups_updated=2, roster_links_dropped=1)
    assert report.lines() == [
        f"Imported 'Zoë's group' ({session.id}): 1 new note, 0 updated from newer edits, "
        "1 earlier text kept as a version, 0 already here.",
        "Also: 2 people added, 1 phase added, 2 drafts added, 1 follow-up state added, "
        "2 follow-up states updated from newer changes, 1 roster link left out (that roster is on the other laptop).",
    ]
    report = ImportReport(session, new_notes=2, versions_kept=2, people_added=1)
    assert report.lines() == [
        f"Imported 'Zoë's group' ({session.id}): 2 new notes, 0 updated from newer edits, "
        "2 earlier texts kept as versions, 0 already here.",
        "Also: 1 person added.",
    ]
