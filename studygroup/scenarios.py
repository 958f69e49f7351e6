"""The scenario library: persona cards as JSON files, built-in ones plus the user's own.

Built-in cards ship in resources/scenarios/; cards the facilitator writes or
edits go to <user data>/scenarios/ and never replace a built-in file. `card_problem`
is the one rule for a card: a file is loaded, the card editor accepts and the library
saves only what it lets through.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from studygroup.atomicfile import atomic_write
from studygroup.limits import MAX_LABEL, MAX_QUESTION, MAX_QUESTIONS, MAX_ROLES, MAX_TEXT, too_long, too_many
from studygroup.model import Scenario
from studygroup.paths import user_data_dir
from studygroup.resources import resource_path

# The card's own fields; the file stem is the key and rule texts are the app's, not the card's.
CARD_FIELDS = (
    "company",
    "who_they_are",
    "outcome_problem",
    "product",
    "starting_point",
    "success_looks_like",
    "probing_questions",
    "roles",
)
LIST_FIELDS = ("probing_questions", "roles")
# What the card editor calls each field; a refusal names the field the same way.
FIELD_LABELS = {
    "company": "Company",
    "who_they_are": "Who they are",
    "outcome_problem": "Outcome problem",
    "product": "Product",
    "starting_point": "Where they start",
    "success_looks_like": "What success looks like",
    "probing_questions": "Probing questions",
    "roles": "Roles",
}
REQUIRED_SENTENCES = {
    "company": "The card needs a company name.",
    "who_they_are": "The card needs to say who the customer is.",
    "outcome_problem": "The card needs the customer's outcome problem.",
}
TEXT_LIMITS = {
    "company": MAX_LABEL,
    "product": MAX_LABEL,
    "who_they_are": MAX_TEXT,
    "outcome_problem": MAX_TEXT,
    "starting_point": MAX_TEXT,
    "success_looks_like": MAX_TEXT,
}

log = logging.getLogger(__name__)


def builtin_dir() -> Path:
    return resource_path("scenarios")


def user_dir() -> Path:
    return user_data_dir() / "scenarios"


def library_dirs() -> list[Path]:
    """Where cards are read from: built-in first, then the user's folder."""
    return [builtin_dir(), user_dir()]


@dataclass(frozen=True)
class CardProblem:
    """Why a card cannot be used: the field at fault (one of CARD_FIELDS, or "key") and one sentence."""

    field: str
    sentence: str


def card_problem(card: Scenario) -> CardProblem | None:
    """The one rule for a card, wherever it comes from: the required texts, then every limit.

    The first problem found, or None. The app's own rule texts are not the card's and not checked.
    """
    for name, sentence in REQUIRED_SENTENCES.items():
        if not getattr(card, name).strip():
            return CardProblem(name, sentence)
    for name, items, limit in (
        ("probing_questions", card.probing_questions, MAX_QUESTIONS),
        ("roles", card.roles, MAX_ROLES),
    ):
        if len(items) > limit:
            return CardProblem(name, too_many("The card", FIELD_LABELS[name].lower(), items, limit))
    for name, what, text, limit in _card_texts(card):
        if len(text) > limit:
            return CardProblem(name, too_long(what, text, limit))
        broken = _lone_surrogate(text)
        if broken is not None:
            return CardProblem(name, f"{what} has a broken character (not valid Unicode) at character {broken}.")
    return None


def _card_texts(card: Scenario) -> Iterator[tuple[str, str, str, int]]:
    """(field, what a sentence calls it, text, limit) for every text on the card."""
    for name, limit in TEXT_LIMITS.items():
        yield name, f"“{FIELD_LABELS[name]}” on the card", getattr(card, name), limit
    for number, question in enumerate(card.probing_questions, start=1):
        yield "probing_questions", f"Probing question {number} on the card", question, MAX_QUESTION
    for number, role in enumerate(card.roles, start=1):
        yield "roles", f"Role {number} on the card", role, MAX_LABEL
    yield "key", "The card's file name", card.key, MAX_LABEL


def _lone_surrogate(text: str) -> int | None:
    """The 1-based position of a lone surrogate: JSON can hold one ("\\udc80"), UTF-8 cannot write it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start + 1
    return None


def scenario_from_dict(data: object, key: str = "") -> Scenario:
    """A Scenario from a card's JSON object; raises ValueError with one sentence when it is not a usable card."""
    if not isinstance(data, dict):
        raise ValueError("The card is not a JSON object.")
    values = {name: _field_value(data, name) for name in CARD_FIELDS}
    card = Scenario(key=key, **values)  # type: ignore[arg-type]  # _field_value gives each field its own type
    problem = card_problem(card)
    if problem is not None:
        raise ValueError(problem.sentence)
    return card


def _field_value(data: dict[str, object], name: str) -> str | list[str]:
    """One field of a card's JSON object, of the type the card needs; a missing one is empty."""
    if name not in LIST_FIELDS:
        value = data.get(name, "")
        if not isinstance(value, str):
            raise ValueError(f"The card's {name!r} must be a text.")
        return value
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"The card's {name!r} must be a list of texts.")
    return [v.strip() for v in value if v.strip()]


def scenario_to_dict(scenario: Scenario) -> dict[str, object]:
    """The card's JSON object (same keys as the built-in files)."""
    values = dataclasses.asdict(scenario)
    return {name: values[name] for name in CARD_FIELDS}


def load_library(problems: list[str] | None = None) -> list[Scenario]:
    """Every card, sorted by company. A file that is not a card is skipped and reported:
    logged, and one sentence appended to *problems* when given. Built-in keys win over user ones."""
    scenarios, seen, skipped = [], set(), []
    for folder in library_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            if path.stem in seen:
                skipped.append(f"The card {path} has the same name as a built-in card and was skipped.")
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                scenarios.append(scenario_from_dict(data, key=path.stem))
                seen.add(path.stem)
            except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
                skipped.append(f"The card {path.name} was skipped: {_first_line(exc)}")
    for sentence in skipped:
        log.warning(sentence)
    if problems is not None:
        problems.extend(skipped)
    scenarios.sort(key=lambda s: (s.company.casefold(), s.key))
    return scenarios


def slugify(text: str, fallback: str = "card") -> str:
    """A safe, readable file stem: ASCII letters, digits and underscores (*fallback* when none are left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    return slug[:60] or fallback


def scenario_key_of(card_key: str, company: str) -> str:
    """The key a session's scenario goes by: the card's key, or for a card without one the slug of its company.

    One rule for Home's scenario filter and `studygroup trends --scenario` ("Crumb & Co" is crumb_co).
    """
    return card_key or slugify(company)


def save_to_library(scenario: Scenario) -> Path:
    """Write the card into the user's folder and set its key; built-in names get a free suffix.

    Raises ValueError with card_problem's sentence for a card the library could not load back.
    """
    problem = card_problem(scenario)
    if problem is not None:
        raise ValueError(problem.sentence)
    folder = user_dir()
    stem = scenario.key if is_user_card(scenario.key) else free_stem(slugify(scenario.company), folder)
    path = folder / f"{stem}.json"
    payload = json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False) + "\n"
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(payload)
    scenario.key = stem
    return path


def is_user_card(key: str) -> bool:
    """True when *key* names a card already in the user's folder (saving again updates it)."""
    return bool(key) and (user_dir() / f"{key}.json").exists() and not (builtin_dir() / f"{key}.json").exists()


def free_stem(base: str, folder: Path) -> str:
    """*base*, or base_2, base_3...: taken by neither a built-in nor a user card."""
    candidate, number = base, 1
    while (builtin_dir() / f"{candidate}.json").exists() or (folder / f"{candidate}.json").exists():
        number += 1
        candidate = f"{base}_{number}"
    return candidate


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def card_sections(card: Scenario) -> list[tuple[str, str]]:
    """The card's headed sections after its company and who they are, in the order every export prints them."""
    return [
        ("Their outcome problem", card.outcome_problem),
        ("Product under study", card.product),
        ("Where they start", card.starting_point),
        ("What success looks like", card.success_looks_like),
    ]
