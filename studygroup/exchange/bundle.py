"""The JSON bundle: a session with every note, version and draft, for merging and archiving.

The format is documented in docs/bundle-format.md; studygroup.exchange.bundle_check refuses what it forbids.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from studygroup.errors import BundleError
from studygroup.exchange.bundle_check import FORMAT, VERSION, read_bundle
from studygroup.model import Observation, Participant, Phase, Scenario, Session
from studygroup.storage.atomicfile import atomic_write
from studygroup.storage.store import Store, _insert_observation


def bundle_dict(store: Store, session_id: str) -> dict[str, Any]:
    """Everything about one session, as plain JSON-ready data."""
    session = store.load_session(session_id)
    observations = store.observations(session_id, include_deleted=True)
    session_data = dataclasses.asdict(session)
    return {
        "format": FORMAT,
        "version": VERSION,
        "session": session_data,
        "observations": [
            dict(dataclasses.asdict(o), versions=[dataclasses.asdict(v) for v in store.observation_versions(o.id)])
            for o in observations
        ],
        "drafts": [
            {"author_id": d.author_id, "text": d.text, "form": d.form} for d in store.drafts(session_id).values()
        ],
    }


def export_bundle(store: Store, session_id: str, path: Path) -> None:
    """Write the session's bundle atomically."""
    text = json.dumps(bundle_dict(store, session_id), ensure_ascii=False, indent=1, sort_keys=True)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


def import_bundle(store: Store, path: Path) -> ImportReport:
    """Check a bundle whole, then merge it into the store in one transaction; says what it did.

    Only the bundle's own session is touched: an id that belongs to another session refuses the
    import. A note that exists here takes the other laptop's edit when that edit is newer; the
    older text is kept as a version either way, so nothing either laptop typed is dropped.
    """
    data = read_bundle(path)
    session = _session_from_dict(data["session"])
    notes = [
        (_observation_from_dict(raw), [_observation_from_dict(v) for v in raw.get("versions", [])])
        for raw in data["observations"]
    ]
    report = ImportReport(session)
    with store.db.atomic() as conn:
        _refuse_foreign_ids(conn, session, [note for note, _ in notes])
        report.roster_links_dropped = _drop_unknown_roster_links(conn, session)
        if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session.id,)).fetchone():
            report.people_added, report.phases_added = _merge_people_and_phases(store, session)
        else:
            store.save_session(session)
        for note, versions in notes:
            _merge_note(store, conn, note, versions, report)
        report.drafts_added = _insert_drafts(conn, session.id, data.get("drafts", []))
    report.session = store.load_session(session.id)
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

    def lines(self) -> list[str]:
        said = [
            f"{self.new_notes} new notes",
            f"{self.updated_notes} updated from newer edits",
            f"{self.versions_kept} earlier texts kept as versions",
            f"{self.unchanged_notes} already here",
        ]
        lines = [f"Imported '{self.session.title}' ({self.session.id}): " + ", ".join(said) + "."]
        extras = [
            (self.people_added, "people added"),
            (self.phases_added, "phases added"),
            (self.drafts_added, "drafts added"),
            (self.roster_links_dropped, "roster links left out (that roster is on the other laptop)"),
        ]
        if any(count for count, _ in extras):
            lines.append("Also: " + ", ".join(f"{count} {what}" for count, what in extras if count) + ".")
        return lines


def _refuse_foreign_ids(conn, session: Session, notes: list[Observation]) -> None:
    """An id that already names something in another session would make the import rewrite it."""
    checks = (
        ("participants", "session.participants", [p.id for p in session.participants]),
        ("phases", "session.phases", [p.id for p in session.phases]),
        ("observations", "observations", [n.id for n in notes]),
    )
    for table, where, ids in checks:
        for index, item_id in enumerate(ids):
            row = conn.execute(
                f"SELECT s.title FROM {table} t JOIN sessions s ON s.id = t.session_id"
                " WHERE t.id = ? AND t.session_id != ?",
                (item_id, session.id),
            ).fetchone()
            if row:
                raise BundleError(
                    f"{where}[{index}].id: {item_id} already belongs to another session "
                    f"(\u201c{row[0]}\u201d); the bundle was not imported."
                )


def _drop_unknown_roster_links(conn, session: Session) -> int:
    dropped = 0
    for person in session.participants:
        if person.roster_id and not conn.execute("SELECT 1 FROM roster WHERE id = ?", (person.roster_id,)).fetchone():
            person.roster_id = None
            dropped += 1
    return dropped


def _merge_people_and_phases(store: Store, incoming: Session) -> tuple[int, int]:
    """Add participants and phases the local copy lacks (notes from another laptop name them)."""
    local = store.load_session(incoming.id)
    known = {p.id for p in local.participants}
    people = [p for p in incoming.participants if p.id not in known]
    known_phases = {p.id for p in local.phases}
    phases = [p for p in incoming.phases if p.id not in known_phases]
    local.participants += people
    local.phases += phases
    store.save_session(local)
    return len(people), len(phases)


def _content(note: Observation) -> str:
    """A note's content as one comparable text (when it was last touched aside)."""
    values = dataclasses.asdict(note)
    values.pop("updated_at")
    return json.dumps(values, sort_keys=True)


def _merge_note(store: Store, conn, incoming: Observation, versions: list[Observation], report: ImportReport) -> None:
    local = _local_note(store, conn, incoming.id)
    now = incoming  # the note as it stands here after the merge
    if local is None:
        _insert_observation(conn, incoming)
        report.new_notes += 1
    elif _content(local) == _content(incoming):
        report.unchanged_notes += 1
    elif incoming.updated_at > local.updated_at:  # the other laptop edited it later: theirs is the note now
        _keep_version(conn, local, store.now())
        _insert_observation(conn, incoming, replace=True)
        report.updated_notes += 1
        report.versions_kept += 1
    else:  # ours is newer: theirs is kept as a version
        report.versions_kept += _keep_version(conn, incoming, incoming.updated_at)
        report.unchanged_notes += 1
        now = local
    current = _content(now)
    for version in versions:  # their earlier texts; the one that is the note now is not a version of it
        if _content(version) != current:
            report.versions_kept += _keep_version(conn, version, version.updated_at)


def _local_note(store: Store, conn, note_id: str) -> Observation | None:
    if not conn.execute("SELECT 1 FROM observations WHERE id = ?", (note_id,)).fetchone():
        return None
    return store._observation(conn, note_id)


def _keep_version(conn, snapshot: Observation, replaced_at: float) -> int:
    """Add *snapshot* to its note's versions unless that very text is there already; 1 when added."""
    content = _content(snapshot)
    rows = conn.execute(
        "SELECT snapshot_json FROM observation_versions WHERE observation_id = ?", (snapshot.id,)
    ).fetchall()
    if any(_content(Observation(**json.loads(row[0]))) == content for row in rows):
        return 0
    number = conn.execute(
        "SELECT coalesce(max(version), 0) + 1 FROM observation_versions WHERE observation_id = ?", (snapshot.id,)
    ).fetchone()[0]
    conn.execute(
        "INSERT INTO observation_versions (observation_id, version, snapshot_json, replaced_at) VALUES (?,?,?,?)",
        (snapshot.id, number, json.dumps(dataclasses.asdict(snapshot)), replaced_at),
    )
    return 1


def _insert_drafts(conn, session_id: str, drafts: list[dict]) -> int:
    """Restore drafts the local copy does not have; a local draft is newer and wins."""
    added = 0
    for draft in drafts:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO drafts (session_id, author_key, text, updated_at, form_json) VALUES (?,?,?,0,?)",
            (session_id, draft.get("author_id") or "", draft["text"], json.dumps(draft.get("form", {}))),
        )
        added += cursor.rowcount
    return added


# --- from checked JSON to the model (read_bundle has checked every field) -------------------------


def _observation_from_dict(raw: dict) -> Observation:
    fields = {f.name for f in dataclasses.fields(Observation)}
    return Observation(**{key: value for key, value in raw.items() if key in fields})


def _session_from_dict(raw: dict) -> Session:
    values = dict(raw)
    values["scenario"] = Scenario(**raw["scenario"])
    values["phases"] = [Phase(**p) for p in raw.get("phases", [])]
    values["participants"] = [Participant(**p) for p in raw.get("participants", [])]
    return Session(**values)
