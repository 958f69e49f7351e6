"""Agenda templates: the one place that knows the standard session plans."""

from __future__ import annotations

from studygroup.model import Phase

DEFAULT_TEMPLATE = "60 minutes"

# name -> ((phase name, minutes, prompt for the room), ...)
TEMPLATES: dict[str, tuple[tuple[str, float, str], ...]] = {
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


def template_names() -> list[str]:
    return list(TEMPLATES)


def phases_from_template(name: str) -> list[Phase]:
    """Fresh phases (new ids) for a template; raises KeyError naming the known templates."""
    if name not in TEMPLATES:
        raise KeyError(f"No agenda template {name!r}; known: {', '.join(TEMPLATES)}")
    return [Phase(phase_name, minutes, prompt) for phase_name, minutes, prompt in TEMPLATES[name]]


def total_minutes(phases: list[Phase]) -> float:
    return sum(phase.planned_minutes for phase in phases)
