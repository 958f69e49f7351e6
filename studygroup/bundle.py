"""The JSON bundle: a session with every note, version and draft, for merging and archiving.

The format is documented in docs/bundle-format.md.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from studygroup.atomicfile import atomic_write
from studygroup.errors import BundleError
from studygroup.model import KIND_KEYS, STATUSES, Observation, Participant, Phase, Scenario, Session
from studygroup.store import Store, _insert_observation

FORMAT = "studygroup-bundle"
VERSION = 1
MAX_BUNDLE_BYTES = 512 * 1024 * 1024


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
        "drafts": [{"author_id": d.author_id, "text": d.text, "form": d.form}
                   for d in store.drafts(session_id).values()],
    }


def export_bundle(store: Store, session_id: str, path: Path) -> None:
    """Write the session's bundle atomically."""
    text = json.dumps(bundle_dict(store, session_id), ensure_ascii=False, indent=1, sort_keys=True)
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


def read_bundle(path: Path) -> dict[str, Any]:
    """Load and check a bundle file; a BundleError says what is wrong with it."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleError(f"{path} is larger than {MAX_BUNDLE_BYTES // 2**20} MB; it is not a bundle.")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BundleError(f"There is no file {path}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"{path} is not valid JSON ({exc.__class__.__name__}): it may be truncated.") from None
    except OSError as exc:
        raise BundleError(f"{path} cannot be read: {exc.strerror}.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError(f"{path} is not a studygroup bundle.")
    if data.get("version") != VERSION:
        raise BundleError(f"{path} is a version {data.get('version')!r} bundle; this studygroup reads version {VERSION}.")
    return data


def import_bundle(store: Store, path: Path) -> tuple[Session, int]:
    """Merge a bundle into the store in one transaction; returns the session and notes added.

    Idempotent by UUID: a note already present is left as it is.
    """
    data = read_bundle(path)
    session = _parse(_session_from_dict, data.get("session"), "session")
    raw_notes = data.get("observations")
    if not isinstance(raw_notes, list):
        raise BundleError("The bundle's 'observations' must be a list.")
    notes = [(_parse(_observation_from_dict, n, f"observation {i + 1}"), n.get("versions", []))
             for i, n in enumerate(raw_notes)]
    added = 0
    with store.db.atomic() as conn:
        if not conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session.id,)).fetchone():
            store.save_session(session)
        else:
            _merge_people_and_phases(store, session)
        for obs, versions in notes:
            if obs.session_id != session.id:
                raise BundleError(f"Note {obs.id} belongs to another session than the bundle's.")
            if conn.execute("SELECT 1 FROM observations WHERE id = ?", (obs.id,)).fetchone():
                continue
            _insert_observation(conn, obs)
            _insert_versions(conn, obs.id, versions)
            added += 1
        _insert_drafts(conn, session.id, data.get("drafts", []))
    return store.load_session(session.id), added


def _merge_people_and_phases(store: Store, incoming: Session) -> None:
    """Add participants and phases the local copy lacks (notes from another laptop name them)."""
    local = store.load_session(incoming.id)
    known = {p.id for p in local.participants}
    local.participants += [p for p in incoming.participants if p.id not in known]
    known_phases = {p.id for p in local.phases}
    local.phases += [p for p in incoming.phases if p.id not in known_phases]
    store.save_session(local)


def _insert_drafts(conn, session_id: str, drafts: Any) -> None:
    """Restore drafts the local copy does not have; a local draft is newer and wins."""
    if not isinstance(drafts, list) or not all(
            isinstance(d, dict) and isinstance(d.get("text"), str) and isinstance(d.get("form", {}), dict)
            for d in drafts):
        raise BundleError("The bundle's 'drafts' must be a list of objects with a text (and a form object).")
    for draft in drafts:
        conn.execute("INSERT OR IGNORE INTO drafts (session_id, author_key, text, updated_at, form_json)"
                     " VALUES (?,?,?,0,?)",
                     (session_id, draft.get("author_id") or "", draft["text"], json.dumps(draft.get("form", {}))))


def _insert_versions(conn, observation_id: str, versions: Any) -> None:
    if not isinstance(versions, list):
        raise BundleError(f"Note {observation_id}: 'versions' must be a list.")
    for number, version in enumerate(versions, start=1):
        snapshot = _parse(_observation_from_dict, version, f"a version of note {observation_id}")
        conn.execute("INSERT OR IGNORE INTO observation_versions (observation_id, version, snapshot_json,"
                     " replaced_at) VALUES (?,?,?,?)",
                     (observation_id, number, json.dumps(dataclasses.asdict(snapshot)), snapshot.updated_at))


def _parse(builder, raw: Any, what: str):
    """Build a dataclass from raw JSON, turning any shape error into one BundleError sentence."""
    if not isinstance(raw, dict):
        raise BundleError(f"The bundle's {what} must be an object.")
    try:
        return builder(raw)
    except BundleError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise BundleError(f"The bundle's {what} is malformed: {exc}.") from None


def _checked(cls, raw: dict, types: dict[str, type | tuple]) -> Any:
    fields = {f.name for f in dataclasses.fields(cls)}
    unknown = set(raw) - fields - {"versions"}
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
    for name, expected in types.items():
        allowed = expected if isinstance(expected, tuple) else (expected,)
        value = raw.get(name)
        if name in raw and (isinstance(value, bool) and bool not in allowed or not isinstance(value, allowed)):
            raise ValueError(f"field {name!r} has the wrong type")
    return cls(**{k: v for k, v in raw.items() if k in fields})


_NUM = (int, float)
_OPT_NUM = (int, float, type(None))


def _observation_from_dict(raw: dict) -> Observation:
    obs = _checked(Observation, raw, {
        "id": str, "session_id": str, "text": str, "kind": str, "severity": int, "author_id": (str, type(None)),
        "phase_id": (str, type(None)), "session_seconds": _NUM, "wall_time": _NUM, "journey_step": str,
        "tags": list, "follow_up": bool, "expected": str, "happened": str, "lingo_flag": bool,
        "solution_flag": bool, "deleted_at": _OPT_NUM, "updated_at": _NUM})
    if obs.kind not in KIND_KEYS or obs.severity not in (1, 2, 3):
        raise ValueError(f"kind {obs.kind!r} or severity {obs.severity!r} is not one studygroup knows")
    if not all(isinstance(t, str) for t in obs.tags):
        raise ValueError("tags must be text")
    return obs


def _session_from_dict(raw: dict) -> Session:
    raw = dict(raw)
    scenario = _checked(Scenario, raw.pop("scenario", None) or {}, {"company": str})
    phases = [_checked(Phase, p, {"id": str, "name": str, "planned_minutes": _NUM}) for p in raw.pop("phases", [])]
    people = [_checked(Participant, p, {"id": str, "name": str}) for p in raw.pop("participants", [])]
    session = _checked(Session, dict(raw, scenario=scenario, phases=phases, participants=people),
                       {"id": str, "title": str, "date": str, "status": str, "current_phase": int,
                        "lingo": list, "journey_steps": list})
    if session.status not in STATUSES:
        raise ValueError(f"status {session.status!r} is not one studygroup knows")
    return session
