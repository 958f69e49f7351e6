"""The record format: the published schema every record the store writes is held to, in one sentence per error.

The schema (resources/schemas/bundle-1.schema.json, described in docs/bundle-format.md) is the
contract of the bundle file and of every record the store writes: the store checks each record
against its $defs entry (check_record), and a bundle is checked whole (exchange/bundle_check).
A refusal names the field and where it is, e.g. `observations[12].severity: 4 is not one of 1, 2, 3`.
A valid record is passed by the schema compiled into plain checks (record_check.py); only what
they cannot pass goes to jsonschema, which gives the verdict and the sentence.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from studygroup.errors import InvalidRecord
from studygroup.record_check import Check, compile_schema
from studygroup.resources import resource_path

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

VERSION = 1  # of the format; a bundle says which it is
SCHEMA_FILE = ("schemas", f"bundle-{VERSION}.schema.json")
QUOTE_CHARS = 40  # how much of a refused value a sentence repeats


class _Validator(Protocol):
    """The part of a jsonschema validator used here (jsonschema ships no type hints)."""

    def iter_errors(self, instance: object) -> Iterator[ValidationError]: ...


def is_count(instance: object) -> bool:
    """A whole number that is not true or false; JSON Schema counts 1.0 and True as integers, studygroup does not."""
    return isinstance(instance, int) and not isinstance(instance, bool)


def _strict_integer(_checker: object, instance: object) -> bool:
    return is_count(instance)


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


@functools.cache
def _fast_check(definition: str | None) -> Check | None:
    """The schema compiled into plain checks (record_check), once per $defs entry."""
    return compile_schema(schema(), definition)


def check_record(definition: str, record: dict[str, Any], where: str) -> None:
    """Check one record (a $defs entry: session, observation, draft) before the store writes it.

    The store's last line of defence: what the UI and the roster let through is held to the same
    format as a bundle, so nothing the format forbids is ever in the file to be exported.
    """
    problem = schema_problem(record, where, definition)
    if problem is not None:
        raise InvalidRecord(problem)


def schema_problem(data: object, where: str, definition: str | None = None) -> str | None:
    """The sentence for the first thing *data* breaks (the schema, then Unicode), or None.

    *definition* names one $defs entry; None checks a whole bundle. The compiled check passes
    what it can; anything else goes to jsonschema, whose verdict and sentence stand.
    """
    fast = _fast_check(definition)
    if fast is not None and fast(data):
        return None
    return _jsonschema_problem(data, where, definition)


def _jsonschema_problem(data: object, where: str, definition: str | None) -> str | None:
    """schema_problem by jsonschema alone, the verdict the compiled check must agree with."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator(definition).iter_errors(data))
    if error is not None:
        return _sentence(error, where)
    return _unicode_problem(data, where)


def _unicode_problem(value: object, where: str) -> str | None:
    """Lone surrogates ("\\udc80") parse as JSON but cannot be written as UTF-8 again."""
    for path, text in _strings(value, where):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            return (
                f"{path or 'the bundle'}: the text has a lone surrogate "
                f"({text[exc.start].encode('unicode_escape').decode()}) at character {exc.start + 1}, "
                "which is not valid Unicode."
            )
    return None


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
    if not part.isidentifier() or len(part) > QUOTE_CHARS:
        return f"{path}[{_quote(part)}]"
    return f"{path}.{part}" if path else part


def _quote(value: object) -> str:
    text = (
        json.dumps(value, ensure_ascii=False)
        if not isinstance(value, (dict, list))
        else ("an object" if isinstance(value, dict) else "a list")
    )
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate shown, not printed
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"


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
    return " or ".join(_TYPE_WORDS[name] for name in names)  # every type the schema names has its words


def _fallback(error: ValidationError) -> str:
    message: str = error.message
    return message[:200]


def _range(error: ValidationError) -> str:
    schema_ = error.schema
    low = schema_.get("minimum", schema_.get("exclusiveMinimum"))
    high = schema_["maximum"]  # every number in the schema has a maximum and a lower bound
    above = "above" if "exclusiveMinimum" in schema_ else "from"
    return f"{_quote(error.instance)} is out of range ({above} {low:,.15g} to {high:,.15g})"  # 10,000,000, not 1e+07


NOT_BLANK = r"\S"  # the schema's pattern for a text that must hold more than spaces
# The schema's patterns for one line of text and for a web link. "(?![\s\S])" ends them instead of "$",
# which Python's re (jsonschema's) also matches before a final newline.
_CONTROLS = r"\u0000-\u001f\u007f"
ONE_LINE = rf"^[^{_CONTROLS}]*(?![\s\S])"
WEB_LINK = rf'^(?:https?://[^\s/?#<>"{_CONTROLS}]+[^\s<>"{_CONTROLS}]*)?(?![\s\S])'


def _pattern(error: ValidationError) -> str:
    pattern = error.validator_value
    if pattern == NOT_BLANK:
        return "must not be blank"
    if pattern == ONE_LINE:
        return "must be one line, without tabs or control characters"
    if pattern == WEB_LINK:
        return f"{_quote(error.instance)} is not a web address starting with http:// or https://"
    kind = "a UUID" if pattern == schema()["$defs"]["uuid"]["pattern"] else "a date (YYYY-MM-DD)"
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
    "pattern": _pattern,
    "anyOf": _any_of,
}
