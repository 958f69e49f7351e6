"""The JSON bundle: a session with every note, version and draft, for merging and archiving.

The format is documented in docs/bundle-format.md; studygroup.exchange.bundle_check refuses what it forbids.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from studygroup.atomicfile import atomic_write
from studygroup.errors import BundleError
from studygroup.exchange.bundle_check import FORMAT, read_bundle
from studygroup.model import Draft, FollowUpState, Observation, Participant, Phase, Scenario, Session, Turn
from studygroup.records import VERSION
from studygroup.storage.follow_up_rows import state_record
from studygroup.storage.note_rows import NoteRowValues, note_row_values
from studygroup.storage.store import Store
from studygroup.storage.turn_rows import turn_record
from studygroup.summary import plural


def bundle_dict(store: Store, session_id: str) -> dict[str, Any]:
    """Everything about one session, as plain JSON-ready data."""
    session = store.load_session(session_id)
    observations = store.observations(session_id, include_deleted=True)
    states = store.follow_up_states(session_id)
    session_data = dataclasses.asdict(session)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "session": session_data,
        "observations": [_observation_dict(store, o, states.get(o.id)) for o in observations],
        "drafts": [
            {"author_id": d.author_id, "text": d.text, "form": d.form} for d in store.drafts(session_id).values()
        ],
    }
    turns = store.turns(session_id)
    if turns:  # only when there are any: a reader from before turns refuses the field
        data["turns"] = [turn_record(turn) for turn in turns]
    return data


def _observation_dict(store: Store, note: Observation, state: FollowUpState | None) -> dict[str, Any]:
    """A note with its versions, and its follow-up state only when one was set (older readers refuse that field)."""
    data = dict(dataclasses.asdict(note), versions=[dataclasses.asdict(v) for v in store.observation_versions(note.id)])
    if state is not None:
        data["follow_up_state"] = state_record(state)
    return data


def export_bundle(store: Store, session_id: str, path: Path) -> None:
    """Write the session's bundle atomically."""
    text = json.dumps(bundle_dict(store, session_id), ensure_ascii=False, indent=1, sort_keys=True)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


def import_bundle(store: Store, path: Path) -> ImportReport:
    """Check a bundle whole, then merge it into the store in one transaction; says what it did.

    Only the bundle's own session is touched: an id that belongs to another session refuses the
    import. A note that exists here takes the other laptop's edit when that edit is newer; the
    older text is kept as a version either way, so nothing either laptop typed is dropped. A follow-up
    state (owner, status, link) and a question-round turn take the other laptop's when that was set later.
    """
    return merge_bundle(store, read_bundle(path))


PLAN_ATTEMPTS = 3  # plans made outside the write lock before one is made inside it


def merge_bundle(store: Store, data: dict[str, Any]) -> ImportReport:
    """Merge a bundle that read_bundle has checked (import_bundle's rules), all of it or nothing.

    The merge is planned without holding the database's write lock, then applied in one short
    transaction, so a note saved meanwhile waits milliseconds, not the whole merge. The plan is
    applied only if the rows it was made from are unchanged (`Store.merge_stamp`); otherwise it is
    made again, and after PLAN_ATTEMPTS tries it is made inside the transaction itself.
    """
    incoming = _Incoming.parse(data)
    for _attempt in range(PLAN_ATTEMPTS):
        plan = _plan(store, incoming)
        with store.atomic():
            if _stamp(store, incoming) == plan.stamp:
                _apply(store, plan)
                return _finish(store, plan.report)
    with store.atomic():
        plan = _plan(store, incoming)
        _apply(store, plan)
    return _finish(store, plan.report)


@dataclasses.dataclass
class _Incoming:
    """A checked bundle as model objects."""

    session: Session
    notes: list[tuple[Observation, list[Observation]]]  # each note with its earlier versions
    states: list[FollowUpState]
    drafts: list[Draft]
    turns: list[Turn]

    @classmethod
    def parse(cls, data: dict[str, Any]) -> _Incoming:
        session = _session_from_dict(data["session"])
        notes = [
            (_observation_from_dict(raw), [_observation_from_dict(v) for v in raw.get("versions", [])])
            for raw in data["observations"]
        ]
        states = [
            FollowUpState(raw["id"], **raw["follow_up_state"])
            for raw in data["observations"]
            if "follow_up_state" in raw
        ]
        turns = [Turn(session.id, **raw) for raw in data.get("turns", [])]
        return cls(session, notes, states, _drafts_from_dicts(session.id, data.get("drafts", [])), turns)


@dataclasses.dataclass
class _Plan:
    """Every write a merge makes, and the stamp of the rows it was decided from."""

    stamp: Hashable
    report: ImportReport
    new_session: Session | None = None  # saved whole: this laptop did not have it
    people: list[Participant] = dataclasses.field(default_factory=list)
    phases: list[Phase] = dataclasses.field(default_factory=list)
    notes: list[Observation] = dataclasses.field(default_factory=list)
    # The notes' row values, made before the write transaction, so it only writes.
    note_rows: NoteRowValues = dataclasses.field(default_factory=lambda: NoteRowValues([]))
    versions: list[tuple[Observation, float]] = dataclasses.field(default_factory=list)
    states: list[FollowUpState] = dataclasses.field(default_factory=list)
    turns: list[Turn] = dataclasses.field(default_factory=list)
    drafts: list[Draft] = dataclasses.field(default_factory=list)


def _stamp(store: Store, incoming: _Incoming) -> Hashable:
    session = incoming.session
    people = [p.id for p in session.participants]
    phases = [p.id for p in session.phases]
    notes = [note.id for note, _ in incoming.notes]
    return store.merge_stamp(session.id, people, phases, notes, [turn.id for turn in incoming.turns])


def _plan(store: Store, incoming: _Incoming) -> _Plan:
    """Decide every write of the merge from what the store holds now; raises BundleError on a foreign id."""
    stamp = _stamp(store, incoming)
    session = copy.deepcopy(incoming.session)  # roster links are dropped from the copy, attempt by attempt
    _refuse_foreign_ids(store, session, [note for note, _ in incoming.notes], incoming.turns)
    plan = _Plan(stamp, ImportReport(session), drafts=incoming.drafts)
    plan.report.roster_links_dropped = _drop_unknown_roster_links(store, session)
    if store.has_session(session.id):
        _plan_people_and_phases(store, session, plan)
    else:
        plan.new_session = session
    for note, versions in incoming.notes:
        _plan_note(store, note, versions, plan)
    for state in incoming.states:
        _plan_follow_up_state(store, state, plan)
    for turn in incoming.turns:
        _plan_turn(store, turn, plan)
    plan.note_rows = note_row_values(plan.notes)
    return plan


def _apply(store: Store, plan: _Plan) -> None:
    """Make the plan's writes (inside the caller's transaction)."""
    if plan.new_session is not None:
        store.save_session(plan.new_session)
    elif plan.people or plan.phases:
        store.append_people_and_phases(plan.report.session.id, plan.people, plan.phases)
    store.put_observations(plan.note_rows)
    store.add_versions(plan.versions)
    for state in plan.states:
        store.put_follow_up_state(state)
    for turn in plan.turns:
        store.put_turn(turn)
    plan.report.drafts_added = store.add_missing_drafts(plan.drafts)


def _finish(store: Store, report: ImportReport) -> ImportReport:
    report.session = store.load_session(report.session.id)
    return report


@dataclasses.dataclass
class ImportReport:
    """What an import did, for the command line and the app to say."""

    session: Session
    new_notes: int = 0
    updated_notes: int = 0  # the other laptop's edit was newer and is now the note
    versions_kept: int = 0  # earlier or older texts kept as versions
    unchanged_notes: int = 0
    people_added: int = 0
    phases_added: int = 0
    drafts_added: int = 0
    roster_links_dropped: int = 0  # people linked to a roster entry this laptop does not have
    follow_ups_added: int = 0  # follow-up states (owner, status, link) this laptop did not have
    follow_ups_updated: int = 0  # the other laptop changed the state later: theirs is the state now
    turns_added: int = 0  # question-round turns this laptop did not have
    turns_updated: int = 0  # the other laptop changed what was said later: theirs is the turn now

    def lines(self) -> list[str]:
        kept = plural(self.versions_kept, "earlier text") + (
            " kept as a version" if self.versions_kept == 1 else " kept as versions"
        )
        said = [
            plural(self.new_notes, "new note"),
            f"{self.updated_notes} updated from newer edits",
            kept,
            f"{self.unchanged_notes} already here",
        ]
        lines = [f"Imported '{self.session.title}' ({self.session.id}): " + ", ".join(said) + "."]
        extras = [
            (self.people_added, plural(self.people_added, "person", "people") + " added"),
            (self.phases_added, plural(self.phases_added, "phase") + " added"),
            (self.drafts_added, plural(self.drafts_added, "draft") + " added"),
            (self.follow_ups_added, plural(self.follow_ups_added, "follow-up state") + " added"),
            (
                self.follow_ups_updated,
                plural(self.follow_ups_updated, "follow-up state") + " updated from newer changes",
            ),
            (self.turns_added, plural(self.turns_added, "question-round turn") + " added"),
            (self.turns_updated, plural(self.turns_updated, "question-round turn") + " updated from newer changes"),
            (
                self.roster_links_dropped,
                plural(self.roster_links_dropped, "roster link") + " left out (that roster is on the other laptop)",
            ),
        ]
        if any(count for count, _ in extras):
            lines.append("Also: " + ", ".join(words for count, words in extras if count) + ".")
        return lines


def _refuse_foreign_ids(store: Store, session: Session, notes: list[Observation], turns: list[Turn]) -> None:
    """An id that already names something in another session would make the import rewrite it."""
    checks = (
        ("participants", "session.participants", [p.id for p in session.participants]),
        ("phases", "session.phases", [p.id for p in session.phases]),
        ("observations", "observations", [n.id for n in notes]),
        ("turns", "turns", [t.id for t in turns]),
    )
    for table, where, ids in checks:
        for index, item_id in enumerate(ids):
            title = store.other_session_title(table, item_id, session.id)
            if title is not None:
                raise BundleError(
                    f"{where}[{index}].id: {item_id} already belongs to another session "
                    f"(\u201c{title}\u201d); the bundle was not imported."
                )


def _drop_unknown_roster_links(store: Store, session: Session) -> int:
    known = store.roster_ids_known([p.roster_id for p in session.participants if p.roster_id])
    dropped = 0
    for person in session.participants:
        if person.roster_id and person.roster_id not in known:
            person.roster_id = None
            dropped += 1
    return dropped


def _plan_people_and_phases(store: Store, incoming: Session, plan: _Plan) -> None:
    """The participants and phases the local copy lacks (notes from another laptop name them)."""
    local = store.load_session(incoming.id)
    known = {p.id for p in local.participants}
    plan.people = [p for p in incoming.participants if p.id not in known]
    known_phases = {p.id for p in local.phases}
    plan.phases = [p for p in incoming.phases if p.id not in known_phases]
    plan.report.people_added, plan.report.phases_added = len(plan.people), len(plan.phases)


_CONTENT_FIELDS = tuple(f.name for f in dataclasses.fields(Observation) if f.name != "updated_at")


def _content(note: Observation) -> tuple[object, ...]:
    """A note's content as one comparable value (when it was last touched aside)."""
    return tuple(
        tuple(value) if isinstance(value, list) else value for value in map(note.__getattribute__, _CONTENT_FIELDS)
    )


def _plan_note(store: Store, incoming: Observation, versions: list[Observation], plan: _Plan) -> None:
    report = plan.report
    local = store.find_observation(incoming.id)
    kept = _KeptVersions(store, incoming.id, plan)
    now = incoming  # the note as it stands here after the merge
    if local is None:
        plan.notes.append(incoming)
        report.new_notes += 1
    elif _content(local) == _content(incoming):
        report.unchanged_notes += 1
    elif incoming.updated_at > local.updated_at:  # the other laptop edited it later: theirs is the note now
        kept.add(local, store.now())
        plan.notes.append(incoming)
        report.updated_notes += 1
        report.versions_kept += 1
    else:  # ours is newer: theirs is kept as a version
        report.versions_kept += kept.add(incoming, incoming.updated_at)
        report.unchanged_notes += 1
        now = local
    current = _content(now)
    for version in versions:  # their earlier texts; the one that is the note now is not a version of it
        if _content(version) != current:
            report.versions_kept += kept.add(version, version.updated_at)


class _KeptVersions:
    """One note's versions, those stored and those this plan adds, so no text is kept twice."""

    def __init__(self, store: Store, note_id: str, plan: _Plan):
        self.store, self.note_id, self.plan = store, note_id, plan
        self.contents: set[tuple[object, ...]] | None = None  # read on the first version offered

    def add(self, snapshot: Observation, replaced_at: float) -> int:
        """Plan *snapshot* as a version unless that very text is kept already; 1 when planned."""
        if self.contents is None:
            self.contents = {_content(v) for v in self.store.observation_versions(self.note_id)}
        content = _content(snapshot)
        if content in self.contents:
            return 0
        self.contents.add(content)
        self.plan.versions.append((snapshot, replaced_at))
        return 1


def _plan_follow_up_state(store: Store, incoming: FollowUpState, plan: _Plan) -> None:
    """The newer state wins by its own stamp; the older one is replaced (states keep no history)."""
    local = store.find_follow_up_state(incoming.note_id)
    if local is None:
        plan.states.append(incoming)
        plan.report.follow_ups_added += 1
    elif _said(local) != _said(incoming) and incoming.updated_at > local.updated_at:
        plan.states.append(incoming)
        plan.report.follow_ups_updated += 1


def _plan_turn(store: Store, incoming: Turn, plan: _Plan) -> None:
    """The newer turn wins by its own stamp, like a follow-up state (a turn keeps no history)."""
    local = store.find_turn(incoming.id)
    if local is None:
        plan.turns.append(incoming)
        plan.report.turns_added += 1
    elif incoming.updated_at > local.updated_at and not _same_turn(local, incoming):
        plan.turns.append(incoming)
        plan.report.turns_updated += 1


def _same_turn(one: Turn, other: Turn) -> bool:
    """The same turn saved twice, its stamps aside, is one turn: nothing to update."""
    return dataclasses.replace(one, updated_at=0.0) == dataclasses.replace(other, updated_at=0.0)


def _said(state: FollowUpState) -> tuple[str, str, str]:
    """What a state says, its stamp aside: the same state set twice is one state."""
    return state.owner, state.status, state.link


def _drafts_from_dicts(session_id: str, drafts: list[dict[str, Any]]) -> list[Draft]:
    """The bundle's drafts, stamped as older than any draft here, so a local draft wins."""
    return [Draft(session_id, raw.get("author_id"), raw["text"], 0, raw.get("form", {})) for raw in drafts]


# --- from checked JSON to the model (read_bundle has checked every field) -------------------------


def _observation_from_dict(raw: dict[str, Any]) -> Observation:
    fields = {f.name for f in dataclasses.fields(Observation)}
    return Observation(**{key: value for key, value in raw.items() if key in fields})


def _session_from_dict(raw: dict[str, Any]) -> Session:
    values = dict(raw)
    values["scenario"] = Scenario(**raw["scenario"])
    values["phases"] = [Phase(**p) for p in raw.get("phases", [])]
    values["participants"] = [Participant(**p) for p in raw.get("participants", [])]
    return Session(**values)
