"""The scenario library: persona cards as JSON files, built-in ones plus the user's own.

Built-in cards ship in resources/scenarios/; cards the facilitator writes or
edits go to <user data>/scenarios/ and never replace a built-in file.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import unicodedata
from pathlib import Path

from studygroup.model import Scenario
from studygroup.paths import user_data_dir
from studygroup.resources import resource_path
from studygroup.storage.atomicfile import atomic_write

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
REQUIRED_FIELDS = ("company", "who_they_are", "outcome_problem")

log = logging.getLogger(__name__)


def builtin_dir() -> Path:
    return resource_path("scenarios")


def user_dir() -> Path:
    return user_data_dir() / "scenarios"


def library_dirs() -> list[Path]:
    """Where cards are read from: built-in first, then the user's folder."""
    return [builtin_dir(), user_dir()]


def scenario_from_dict(data: dict, key: str = "") -> Scenario:
    """A Scenario from a card's JSON object; raises ValueError with one sentence when it is not a card."""
    if not isinstance(data, dict):
        raise ValueError("The card is not a JSON object.")
    for name in REQUIRED_FIELDS:
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise ValueError(f"The card has no text for {name!r}.")
    values = {}
    for name in CARD_FIELDS:
        value = data.get(name, [] if name in LIST_FIELDS else "")
        if name in LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"The card's {name!r} must be a list of texts.")
            value = [v.strip() for v in value if v.strip()]
        elif not isinstance(value, str):
            raise ValueError(f"The card's {name!r} must be a text.")
        values[name] = value
    return Scenario(key=key, **values)


def scenario_to_dict(scenario: Scenario) -> dict:
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


def save_to_library(scenario: Scenario) -> Path:
    """Write the card into the user's folder and set its key; built-in names get a free suffix."""
    folder = user_dir()
    stem = scenario.key if _is_user_card(scenario.key) else _free_stem(slugify(scenario.company), folder)
    path = folder / f"{stem}.json"
    payload = json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False) + "\n"
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(payload)
    scenario.key = stem
    return path


def _is_user_card(key: str) -> bool:
    """True when *key* names a card already in the user's folder (saving again updates it)."""
    return bool(key) and (user_dir() / f"{key}.json").exists() and not (builtin_dir() / f"{key}.json").exists()


def _free_stem(base: str, folder: Path) -> str:
    """*base*, or base_2, base_3...: taken by neither a built-in nor a user card."""
    candidate, number = base, 1
    while (builtin_dir() / f"{candidate}.json").exists() or (folder / f"{candidate}.json").exists():
        number += 1
        candidate = f"{base}_{number}"
    return candidate


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
