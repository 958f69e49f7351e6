"""The user's own scenario cards: renamed, deleted and brought back. Built-in cards are read-only.

A deleted card's file moves to <user data>/deleted-scenarios/ rather than away for good, so Undo (or a
person with a file manager) can put it back. A session keeps its own copy of the card it was planned
with (the store's scenario_json), so renaming or deleting a card never changes a session.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path

from studygroup.errors import PlanLibraryError
from studygroup.limits import MAX_LABEL, name_problem
from studygroup.model import Scenario
from studygroup.paths import user_data_dir
from studygroup.scenarios import builtin_dir, free_stem, save_to_library, scenario_from_dict, user_dir


@dataclass(frozen=True)
class DeletedCard:
    """A card moved out of the library: what Undo needs to put it back."""

    key: str
    company: str
    kept_at: Path


def deleted_dir() -> Path:
    """Where deleted cards are kept: beside the user's cards, outside the folder the library reads."""
    return user_data_dir() / "deleted-scenarios"


def rename_card(key: str, company: str) -> Scenario:
    """Give the user's card *key* another company name (what the card list shows); its key stays."""
    card = _read_own_card(_own_card_path(key, "renamed"))
    problem = name_problem("The card's company name", company, MAX_LABEL)
    if problem is not None:
        raise PlanLibraryError(problem)
    renamed = dataclasses.replace(card, company=company.strip())
    save_to_library(renamed)  # a user card's key: written in place, whole or not at all
    return renamed


def delete_card(key: str) -> DeletedCard:
    """Move the user's card *key* out of the library; returns what restore_card needs to undo it.

    A card that cannot be read is deleted all the same: removing a broken file is a fair wish.
    """
    path = _own_card_path(key, "deleted")
    try:
        company = _read_own_card(path).company
    except PlanLibraryError:
        company = key
    target = deleted_dir() / f"{free_stem(key, deleted_dir())}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, target)  # one folder tree, so a rename: the card is in one place or the other
    return DeletedCard(key, company, target)


def restore_card(deleted: DeletedCard) -> str:
    """Put a deleted card back; returns its key: its own, or a free one when another card took it since."""
    stem = free_stem(deleted.key, user_dir())
    target = user_dir() / f"{stem}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(deleted.kept_at, target)
    return stem


def _own_card_path(key: str, verb: str) -> Path:
    """The file of the user's card *key*; one sentence when it is a built-in card or no card at all.

    Only keys of files in the user's folder count, so a key can never name a path elsewhere.
    """
    if (builtin_dir() / f"{key}.json").is_file():
        raise PlanLibraryError(f"“{key}” is a built-in card, and built-in cards cannot be {verb}.")
    folder = user_dir()
    own = {path.stem: path for path in folder.glob("*.json")} if folder.is_dir() else {}
    if key not in own:
        raise PlanLibraryError(f"There is no card “{key}” among your own cards.")
    return own[key]


def _read_own_card(path: Path) -> Scenario:
    try:
        return scenario_from_dict(json.loads(path.read_text(encoding="utf-8")), key=path.stem)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        detail = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise PlanLibraryError(f"The card {path.name} cannot be read: {detail}") from exc
