"""What a bundle must be before any of it touches the store: the published schema, then the rest.

The schema (resources/schemas/bundle-1.schema.json, described in docs/bundle-format.md) is the
contract other tools can use. What a schema cannot say is checked here too: references resolve
inside the bundle, ids are unique, every number is finite, every text is valid Unicode, and the
file is read with a byte cap that also holds for pipes and devices. Every refusal is one
BundleError sentence that names the field and where it is, e.g.
`observations[12].severity: 4 is not one of 1, 2, 3`.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn, Protocol

from studygroup.errors import BundleError, InvalidRecord
from studygroup.resources import resource_path

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

FORMAT = "studygroup-bundle"
VERSION = 1
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
SCHEMA_FILE = ("schemas", f"bundle-{VERSION}.schema.json")
_QUOTE_CHARS = 40  # how much of a refused value a sentence repeats


class _Validator(Protocol):
    """The part of a jsonschema validator used here (jsonschema ships no type hints)."""

    def iter_errors(self, instance: object) -> Iterator[ValidationError]: ...


def _strict_integer(_checker: object, instance: object) -> bool:
    """JSON Schema counts 1.0 as an integer; studygroup does not (a count is never written 1.0)."""
    return isinstance(instance, int) and not isinstance(instance, bool)


@functools.cache
def _validator_class() -> Callable[[dict[str, Any]], _Validator]:
    """jsonschema's 2020-12 validator with studygroup's integers; imported on first use, not at start-up."""
    from jsonschema import Draft202012Validator, validators

    extended: Callable[[dict[str, Any]], _Validator] = validators.extend(
        Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _strict_integer)
    )
    return extended


@functools.cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource_path(*SCHEMA_FILE).read_text(encoding="utf-8"))
    return loaded


@functools.cache
def _validator(definition: str | None = None) -> _Validator:
    """The validator for the whole bundle, or for one of its $defs (a session, a note, a draft)."""
    whole, validator = schema(), _validator_class()
    if definition is None:
        return validator(whole)
    return validator({"$defs": whole["$defs"], "$ref": f"#/$defs/{definition}"})


# --- reading ----------------------------------------------------------------------------------


def read_bundle(path: Path) -> dict[str, Any]:
    """Read, parse and check a bundle file; a BundleError says in one sentence what is wrong."""
    path = Path(path)
    raw = _read_capped(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BundleError(f"{path} is not UTF-8 text (byte {exc.start}); it is not a bundle.") from None
    return check_bundle(parse_bundle_text(text, str(path)))


def _read_capped(path: Path) -> bytes:
    """At most MAX_BUNDLE_BYTES, whatever the file is: st_size is 0 for pipes and devices."""
    try:
        with open(path, "rb") as handle:
            raw = _read_up_to(handle, MAX_BUNDLE_BYTES + 1)
    except FileNotFoundError:
        raise BundleError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise BundleError(f"{path} is a folder, not a bundle.") from None
    except OSError as exc:
        raise BundleError(f"{path} cannot be read: {exc.strerror or exc}.") from None
    if len(raw) > MAX_BUNDLE_BYTES:
        raise BundleError(f"{path} is larger than {MAX_BUNDLE_BYTES // 2**20} MB; it is not a bundle.")
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
        raise ValueError(f"the number {number[:_QUOTE_CHARS]} is too large to be a number studygroup keeps")
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
    if version != VERSION or not _strict_integer(None, version):
        raise BundleError(
            f"This is a version {json.dumps(version)[:_QUOTE_CHARS]} bundle; this studygroup reads version {VERSION}."
        )
    _check_schema(_validator(), data, "")
    _check_unicode(data, "")
    _check_references(data)
    return data


def check_record(definition: str, record: dict[str, Any], where: str) -> None:
    """Check one record (a $defs entry: session, observation, draft) before the store writes it.

    The store's last line of defence: what the UI and the roster let through is held to the same
    format as a bundle, so nothing the format forbids is ever in the file to be exported.
    """
    try:
        _check_schema(_validator(definition), record, where)
        _check_unicode(record, where)
    except BundleError as exc:
        raise InvalidRecord(str(exc)) from None


def _check_schema(validator: _Validator, data: object, where: str) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(validator.iter_errors(data))
    if error is not None:
        raise BundleError(_sentence(error, where))


def _check_unicode(value: object, where: str) -> None:
    """Lone surrogates ("\\udc80") parse as JSON but cannot be written as UTF-8 again."""
    for path, text in _strings(value, where):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise BundleError(
                f"{path or 'the bundle'}: the text has a lone surrogate "
                f"({text[exc.start].encode('unicode_escape').decode()}) at character {exc.start + 1}, "
                "which is not valid Unicode."
            ) from None


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, path)
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


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
    authors = set()
    for index, draft in enumerate(data.get("drafts", [])):
        author = draft.get("author_id")
        if author is not None and author not in people:
            raise BundleError(f"drafts[{index}].author_id: {author} is not a participant of this session.")
        if author in authors:
            raise BundleError(f"drafts[{index}].author_id: this person already has a draft in the bundle.")
        authors.add(author)


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


# --- one sentence per schema error --------------------------------------------------------------


def _sentence(error: ValidationError, where: str) -> str:
    path = _path(where, error.absolute_path)
    message = _MESSAGES.get(error.validator, _fallback)(error)
    if error.validator in ("required", "additionalProperties"):
        field, message = message
        path = _join(path, field)
    return f"{path or 'the bundle'}: {message}."


def _path(where: str, parts: Iterable[int | str]) -> str:
    path = where
    for part in parts:
        path = _join(path, part)
    return path


def _join(path: str, part: int | str) -> str:
    """`a.b`, `a[3]`, or `a["odd key"]` for a key that is not a plain word (it may hold anything)."""
    if isinstance(part, int):
        return f"{path}[{part}]"
    if not part.isidentifier() or len(part) > _QUOTE_CHARS:
        return f"{path}[{_quote(part)}]"
    return f"{path}.{part}" if path else part


def _quote(value: object) -> str:
    text = (
        json.dumps(value, ensure_ascii=False)
        if not isinstance(value, (dict, list))
        else ("an object" if isinstance(value, dict) else "a list")
    )
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate shown, not printed
    return text if len(text) <= _QUOTE_CHARS else text[:_QUOTE_CHARS] + "…"


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "null",
}


def _type_words(expected: str | list[str]) -> str:
    names = expected if isinstance(expected, list) else [expected]
    return " or ".join(_TYPE_WORDS.get(name, name) for name in names)


def _fallback(error: ValidationError) -> str:
    message: str = error.message
    return message[:200]


def _range(error: ValidationError) -> str:
    schema_ = error.schema
    low = schema_.get("minimum", schema_.get("exclusiveMinimum"))
    high = schema_.get("maximum", schema_.get("exclusiveMaximum"))
    above = "above" if "exclusiveMinimum" in schema_ else "from"
    return f"{_quote(error.instance)} is out of range ({above} {low:,.15g} to {high:,.15g})"  # 10,000,000, not 1e+07


NOT_BLANK = r"\S"  # the schema's pattern for a text that must hold more than spaces


def _pattern(error: ValidationError) -> str:
    if error.validator_value == NOT_BLANK:
        return "must not be blank"
    kind = "a UUID" if error.validator_value == schema()["$defs"]["uuid"]["pattern"] else "a date (YYYY-MM-DD)"
    return f"{_quote(error.instance)} is not {kind}"


def _any_of(error: ValidationError) -> str:
    options = [
        option.get("type") or ("UUID" if option.get("$ref") == "#/$defs/uuid" else "?")
        for option in error.validator_value
    ]
    words = " or ".join("a UUID" if o == "UUID" else _type_words(o) for o in options)
    return f"{_quote(error.instance)} is not {words}"


_MESSAGES = {
    "type": lambda e: f"{_quote(e.instance)} is not {_type_words(e.validator_value)}",
    "enum": lambda e: f"{_quote(e.instance)} is not one of {', '.join(_quote(v) for v in e.validator_value)}",
    "const": lambda e: f"{_quote(e.instance)} is not {_quote(e.validator_value)}",
    "required": lambda e: (next(name for name in e.validator_value if name not in e.instance), "is missing"),
    "additionalProperties": lambda e: (
        sorted(set(e.instance) - set(e.schema.get("properties", {})))[0],
        "is not a field this format knows",
    ),
    "maxLength": lambda e: f"is {len(e.instance):,} characters long; the most is {e.validator_value:,}",
    "minLength": lambda e: "must not be empty",
    "maxItems": lambda e: f"has {len(e.instance):,} items; the most is {e.validator_value:,}",
    "minimum": _range,
    "maximum": _range,
    "exclusiveMinimum": _range,
    "exclusiveMaximum": _range,
    "pattern": _pattern,
    "anyOf": _any_of,
}
