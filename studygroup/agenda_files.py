"""The user's own agenda templates on disk: one small JSON file each, in <user data>/agendas/.

A file holds {"version": 1, "name": ..., "phases": [{"name", "minutes", "prompt"}, ...]}. Its stem is only
a handle (the slug of the name it was first saved under): a rename rewrites the name inside, never the
file's name. Files are written whole or not at all; one that cannot be read is reported, never fatal.
"""

from __future__ import annotations

import json
from pathlib import Path

from studygroup.atomicfile import atomic_write
from studygroup.limits import MAX_LABEL, name_problem
from studygroup.model import Phase
from studygroup.paths import user_data_dir
from studygroup.planning import agenda_problem
from studygroup.scenarios import slugify

PhaseRow = tuple[str, float, str]  # (phase name, planned minutes, prompt for the room)
TEMPLATE_VERSION = 1


def user_templates_dir() -> Path:
    """Beside the user's own scenario cards (scenarios.user_dir), so tests redirect both at once."""
    return user_data_dir() / "agendas"


def phases_of(rows: tuple[PhaseRow, ...]) -> list[Phase]:
    """Fresh phases (new ids) for a template's rows."""
    return [Phase(name, minutes, prompt) for name, minutes, prompt in rows]


def rows_of(phases: list[Phase]) -> tuple[PhaseRow, ...]:
    """The rows a template keeps of an agenda: names and prompts trimmed, nothing of how a session ran."""
    return tuple((p.name.strip(), p.planned_minutes, p.prompt.strip()) for p in phases)


def template_problem(name: str, rows: tuple[PhaseRow, ...]) -> str | None:
    """The one rule for a template, wherever it comes from: its name, then the plan's own rule for an agenda."""
    return name_problem("The template's name", name, MAX_LABEL) or agenda_problem(phases_of(rows))


def read_template(path: Path) -> tuple[str, tuple[PhaseRow, ...]]:
    """The name and phase rows of a template file; raises ValueError (or OSError) with one sentence otherwise."""
    data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
    if not isinstance(data, dict):
        raise ValueError("It is not a JSON object.")
    name, phases = data.get("name"), data.get("phases")
    if not isinstance(name, str):
        raise ValueError("Its “name” must be a text.")
    if not isinstance(phases, list):
        raise ValueError("Its “phases” must be a list.")
    rows = tuple(_phase_row(number, item) for number, item in enumerate(phases, start=1))
    problem = template_problem(name, rows)
    if problem is not None:
        raise ValueError(problem)
    return name.strip(), rows


def _phase_row(number: int, item: object) -> PhaseRow:
    """One phase of a template file, of the types a phase needs."""
    if not isinstance(item, dict):
        raise ValueError(f"Phase {number} is not a JSON object.")
    name, minutes, prompt = item.get("name"), item.get("minutes"), item.get("prompt", "")
    if not isinstance(name, str) or not isinstance(prompt, str):
        raise ValueError(f"Phase {number}'s name and prompt must be texts.")
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise ValueError(f"Phase {number}'s minutes must be a number.")
    try:  # JSON can hold a lone surrogate ("\udc80"); UTF-8, and so the database, cannot
        (name + prompt).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"Phase {number} has a broken character (not valid Unicode).") from None
    return name.strip(), minutes, prompt.strip()


def _no_constant(word: str) -> float:
    """json's NaN and Infinity: no planned time is either."""
    raise ValueError(f"A template's minutes cannot be {word}.")


def write_template(path: Path, name: str, rows: tuple[PhaseRow, ...]) -> None:
    """Write the template whole or not at all (a temporary file beside it, fsync, rename)."""
    payload = {
        "version": TEMPLATE_VERSION,
        "name": name,
        "phases": [{"name": n, "minutes": m, "prompt": p} for n, m, p in rows],
    }
    with atomic_write(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def new_template_path(name: str) -> Path:
    """A file for a new template: the slug of its name, with a number when that file exists (even a damaged one)."""
    folder, base = user_templates_dir(), slugify(name, fallback="agenda")
    candidate, number = base, 1
    while (folder / f"{candidate}.json").exists():
        number += 1
        candidate = f"{base}_{number}"
    return folder / f"{candidate}.json"
