"""What a bundle must be before any of it touches the store: the published schema, then the rest.

The schema and its sentences are the record format's (studygroup.records), the contract other tools
can use. What a schema cannot say is checked here: references resolve inside the bundle, ids are
unique, every number is finite, and the file is read with a byte cap that also holds for pipes and
devices. Every refusal is one BundleError sentence that names the field and where it is, e.g.
`observations[12].session_id: the note belongs to another session than the bundle's`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

from studygroup.errors import BundleError
from studygroup.records import QUOTE_CHARS, VERSION, is_count, schema_problem

FORMAT = "studygroup-bundle"
MAX_BUNDLE_BYTES = 512 * 1024 * 1024


# --- reading ----------------------------------------------------------------------------------


def read_bundle(path: Path) -> dict[str, Any]:
    """Read, parse and check a bundle file; a BundleError says in one sentence what is wrong."""
    path = Path(path)
    return bundle_from_bytes(read_capped(path), str(path))


def bundle_from_bytes(raw: bytes, source: str) -> dict[str, Any]:
    """Decode, parse and check a bundle's bytes; *source* names them in the sentence."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleError(f"{source} is not UTF-8 text (byte {exc.start}); it is not a bundle.") from None
    return check_bundle(parse_bundle_text(text, source))


def read_capped(path: Path, source: str | None = None) -> bytes:
    """At most MAX_BUNDLE_BYTES, whatever the file is: st_size is 0 for pipes and devices.

    Sentences name *source*, by default the path.
    """
    source = str(path) if source is None else source
    try:
        with open(path, "rb") as handle:
            raw = _read_up_to(handle, MAX_BUNDLE_BYTES + 1)
    except FileNotFoundError:
        raise BundleError(f"There is no file {source}.") from None
    except IsADirectoryError:
        raise BundleError(f"{source} is a folder, not a bundle.") from None
    except OSError as exc:
        raise BundleError(f"{source} cannot be read: {exc.strerror or exc}.") from None
    if len(raw) > MAX_BUNDLE_BYTES:
        raise BundleError(f"{source} is larger than {MAX_BUNDLE_BYTES // 2**20} MB; it is not a bundle.")
    return raw


def _read_up_to(handle: BinaryIO, limit: int) -> bytes:
    """Read until EOF or *limit* bytes: a pipe hands its bytes over in pieces."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = handle.read(min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _finite(number: str) -> float:
    value = float(number)
    if not math.isfinite(value):
        raise ValueError(f"the number {number[:QUOTE_CHARS]} is too large to be a number studygroup keeps")
    return value


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number a bundle may hold")


def parse_bundle_text(text: str, source: str) -> object:
    """JSON with every number finite (no NaN, Infinity or 1e400) and no nesting past Python's stack."""
    try:
        return json.loads(text, parse_float=_finite, parse_constant=_no_constant)
    except RecursionError:
        raise BundleError(f"{source} is nested too deeply to be a bundle.") from None
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); it may be truncated."
        ) from None
    except ValueError as exc:
        raise BundleError(f"{source}: {exc}.") from None


# --- checking ---------------------------------------------------------------------------------


def check_bundle(data: object) -> dict[str, Any]:
    """*data* as a bundle; BundleError unless it is one this studygroup can import whole."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError('This file is not a studygroup bundle (its "format" is not "studygroup-bundle").')
    version = data.get("version")
    if version != VERSION or not is_count(version):
        raise BundleError(
            f"This is a version {json.dumps(version)[:QUOTE_CHARS]} bundle; this studygroup reads version {VERSION}."
        )
    problem = schema_problem(data, "")
    if problem is not None:
        raise BundleError(problem)
    _check_references(data)
    return data


def _check_references(data: dict[str, Any]) -> None:
    """Every id is unique and every reference points inside the bundle."""
    session = data["session"]
    people = _unique_ids(session.get("participants", []), "session.participants")
    phases = _unique_ids(session.get("phases", []), "session.phases")
    notes = data["observations"]
    _unique_ids(notes, "observations")
    if session.get("current_phase", 0) >= max(1, len(phases)):
        raise BundleError(
            f"session.current_phase: {session['current_phase']} is past the last of {len(phases)} phases."
        )
    for index, note in enumerate(notes):
        _check_note_refs(note, f"observations[{index}]", session["id"], people, phases)
        for number, version in enumerate(note.get("versions", [])):
            where = f"observations[{index}].versions[{number}]"
            if version["id"] != note["id"]:
                raise BundleError(f"{where}.id: a version must have its note's id ({note['id']}).")
            _check_note_refs(version, where, session["id"], people, phases)
    _check_turn_refs(data.get("turns", []), people)
    authors = set()
    for index, draft in enumerate(data.get("drafts", [])):
        author = draft.get("author_id")
        if author is not None and author not in people:
            raise BundleError(f"drafts[{index}].author_id: {author} is not a participant of this session.")
        if author in authors:
            raise BundleError(f"drafts[{index}].author_id: this person already has a draft in the bundle.")
        authors.add(author)


def _check_turn_refs(turns: list[dict[str, Any]], people: set[str]) -> None:
    _unique_ids(turns, "turns")
    for index, turn in enumerate(turns):
        if turn["participant_id"] not in people:
            raise BundleError(
                f"turns[{index}].participant_id: {turn['participant_id']} is not a participant of this session."
            )


def _unique_ids(items: list[dict[str, Any]], where: str) -> set[str]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item["id"] in seen:
            raise BundleError(f"{where}[{index}].id: {item['id']} appears twice; ids must be unique.")
        seen.add(item["id"])
    return seen


def _check_note_refs(note: dict[str, Any], where: str, session_id: str, people: set[str], phases: set[str]) -> None:
    if note["session_id"] != session_id:
        raise BundleError(f"{where}.session_id: the note belongs to another session than the bundle's.")
    if note.get("author_id") is not None and note["author_id"] not in people:
        raise BundleError(f"{where}.author_id: {note['author_id']} is not a participant of this session.")
    if note.get("phase_id") is not None and note["phase_id"] not in phases:
        raise BundleError(f"{where}.phase_id: {note['phase_id']} is not a phase of this session.")
