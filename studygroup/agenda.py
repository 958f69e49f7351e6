"""Agenda templates: the standard session plans built in, and the user's own saved beside their cards.

Built-in templates are read-only; the user's own (studygroup.agenda_files) can be saved, renamed and
deleted. Names are unique across both, case aside, so a name always means one template.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from studygroup.agenda_files import (
    PhaseRow,
    new_template_path,
    phases_of,
    read_template,
    rows_of,
    template_problem,
    user_templates_dir,
    write_template,
)
from studygroup.errors import PlanLibraryError
from studygroup.model import Phase

DEFAULT_TEMPLATE = "60 minutes"

# name -> ((phase name, minutes, prompt for the room), ...)
TEMPLATES: dict[str, tuple[PhaseRow, ...]] = {
    "60 minutes": (
        ("Welcome and rules", 5, "Two rules: you don't work here, and we're not solving problems today."),
        ("Become the customer", 10, "Read the card. Who are you, and what must be true by Friday?"),
        ("Experience the product", 30, "Go end to end. Write down every bump, the moment it happens."),
        ("Share-out", 10, "Last week, what grinded your gears?"),
        ("Wrap-up", 5, "Magic wand: what would you take off your plate?"),
    ),
    "90 minutes": (
        ("Welcome and rules", 5, "Two rules: you don't work here, and we're not solving problems today."),
        ("Become the customer", 15, "Read the card together. Who are you, what do you need, and by when?"),
        ("Experience the product", 40, "Go end to end as the customer. Write down every bump, the moment it happens."),
        ("Question round", 15, "One question, everyone answers in turn. Say what happened and how it felt."),
        ("Share-out", 10, "Where did you nearly give up? Read your sharpest note aloud."),
        ("Wrap-up", 5, "Magic wand: what would you take off your plate?"),
    ),
    "30 minutes (lightning)": (
        ("Rules and card", 5, "You don't work here, and we're not fixing anything today. Read the card."),
        ("Experience the product", 20, "Go as far as you can. Note every bump the moment it happens."),
        ("Share-out", 5, "One note each: the moment you would have given up."),
    ),
}


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AgendaTemplate:
    """A named agenda to start a plan from: built in (no *path*, read-only) or the user's own file."""

    name: str
    rows: tuple[PhaseRow, ...]
    path: Path | None = None

    @property
    def builtin(self) -> bool:
        return self.path is None

    @property
    def minutes(self) -> float:
        return sum(minutes for _, minutes, _ in self.rows)

    def phases(self) -> list[Phase]:
        """Fresh phases (new ids): a plan's edits never reach the template."""
        return phases_of(self.rows)


def list_templates(problems: list[str] | None = None) -> list[AgendaTemplate]:
    """Every template: the built-in ones in their order, then the user's own by name.

    A file that is not a template, or whose name another template has, is skipped and reported:
    logged, and one sentence appended to *problems* when given.
    """
    builtins = [AgendaTemplate(name, rows) for name, rows in TEMPLATES.items()]
    return builtins + _user_templates(problems)


def _user_templates(problems: list[str] | None) -> list[AgendaTemplate]:
    folder = user_templates_dir()
    taken, found, skipped = {name.casefold() for name in TEMPLATES}, [], []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            name, rows = read_template(path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            skipped.append(f"The agenda template {path.name} was skipped: {_first_line(exc)}")
            continue
        if name.casefold() in taken:
            skipped.append(f"The agenda template {path.name} was skipped: another template is called “{name}”.")
            continue
        taken.add(name.casefold())
        found.append(AgendaTemplate(name, rows, path))
    for sentence in skipped:
        log.warning(sentence)
    if problems is not None:
        problems.extend(skipped)
    return sorted(found, key=lambda t: t.name.casefold())


def template_names(problems: list[str] | None = None) -> list[str]:
    return [template.name for template in list_templates(problems)]


def find_template(name: str) -> AgendaTemplate | None:
    """The template called *name*, case and outer spaces aside; None when there is none."""
    wanted = name.strip().casefold()
    return next((t for t in list_templates() if t.name.casefold() == wanted), None)


def phases_from_template(name: str) -> list[Phase]:
    """Fresh phases (new ids) for a template; raises KeyError naming the known templates."""
    template = find_template(name)
    if template is None:
        raise KeyError(f"No agenda template {name!r}; known: {', '.join(template_names())}")
    return template.phases()


def save_agenda_template(name: str, phases: list[Phase]) -> AgendaTemplate:
    """Save *phases* as the user's template *name*, replacing their own template of that name.

    Raises PlanLibraryError with one sentence for a name or agenda the rules refuse, or a built-in's name.
    """
    rows = rows_of(phases)
    problem = template_problem(name, rows)
    if problem is not None:
        raise PlanLibraryError(problem)
    existing = find_template(name)
    if existing is None:
        path = new_template_path(name)
    elif existing.path is None:
        raise PlanLibraryError(f"“{existing.name}” is a built-in template; give yours another name.")
    else:
        path = existing.path
    write_template(path, name.strip(), rows)
    return AgendaTemplate(name.strip(), rows, path)


def rename_agenda_template(name: str, new_name: str) -> AgendaTemplate:
    """Give the user's template *name* the name *new_name*; its phases stay as they are."""
    template, path = _own_template(name, "renamed")
    problem = template_problem(new_name, template.rows)
    if problem is not None:
        raise PlanLibraryError(problem)
    other = find_template(new_name)
    if other is not None and other.path != path:
        raise PlanLibraryError(f"There is already a template called “{other.name}”; choose another name.")
    write_template(path, new_name.strip(), template.rows)
    return AgendaTemplate(new_name.strip(), template.rows, path)


def delete_agenda_template(name: str) -> AgendaTemplate:
    """Delete the user's template *name*; returns it, so saving it again can bring it back."""
    template, path = _own_template(name, "deleted")
    path.unlink()
    return template


def _own_template(name: str, verb: str) -> tuple[AgendaTemplate, Path]:
    """The user's template called *name* and its file; one sentence when it is built in or unknown."""
    template = find_template(name)
    if template is None:
        raise PlanLibraryError(f"There is no agenda template called “{name.strip()}”.")
    if template.path is None:
        raise PlanLibraryError(f"“{template.name}” is a built-in template, and built-in templates cannot be {verb}.")
    return template, template.path


def total_minutes(phases: list[Phase]) -> float:
    return sum(phase.planned_minutes for phase in phases)


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
