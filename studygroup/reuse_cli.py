"""The command line's planning library: `templates` and `cards`, listed, renamed and deleted (cli.py parses them).

They read and write the user's own files, never the database. A file that cannot be read is named on
stderr and the listing goes on (exit 0); a refused rename or delete is one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from studygroup import agenda, own_cards, scenarios
from studygroup.export.textsafe import terminal_line
from studygroup.model import Scenario


def templates(args: argparse.Namespace) -> int:
    """List the agenda templates, or rename or delete one of the user's own."""
    if args.action == "rename":
        renamed = agenda.rename_agenda_template(args.name, args.new_name)
        print(f"Renamed the agenda template to '{terminal_line(renamed.name)}'.")
    elif args.action == "delete":
        deleted = agenda.delete_agenda_template(args.name)
        print(f"Deleted the agenda template '{terminal_line(deleted.name)}'.")
    else:
        problems: list[str] = []
        listed = agenda.list_templates(problems)
        _report(problems)
        if args.json:
            print(json.dumps([template_json(t) for t in listed], ensure_ascii=False, indent=1))
            return 0
        for template in listed:
            kind = "built-in" if template.builtin else "yours"
            print(
                f"{kind:<8}  {template.minutes:>4g} min  {len(template.rows):>3} phases  {terminal_line(template.name)}"
            )
    return 0


def cards(args: argparse.Namespace) -> int:
    """List the scenario cards, or rename or delete one of the user's own."""
    if args.action == "rename":
        card = own_cards.rename_card(args.key, args.company)
        print(f"Renamed the card {card.key} to '{terminal_line(card.company)}'.")
    elif args.action == "delete":
        deleted = own_cards.delete_card(args.key)
        print(f"Deleted the card {deleted.key} ('{terminal_line(deleted.company)}'); it is kept in {deleted.kept_at}.")
    else:
        problems: list[str] = []
        listed = scenarios.load_library(problems)
        _report(problems)
        if args.json:
            print(json.dumps([card_json(c) for c in listed], ensure_ascii=False, indent=1))
            return 0
        width = max((len(c.key) for c in listed), default=0)
        for card in listed:
            kind = "yours" if scenarios.is_user_card(card.key) else "built-in"
            print(f"{kind:<8}  {card.key:<{width}}  {terminal_line(card.company)}")
    return 0


def template_json(template: agenda.AgendaTemplate) -> dict[str, object]:
    """One template for scripts; keys are only ever added."""
    return {
        "name": template.name,
        "builtin": template.builtin,
        "minutes": template.minutes,
        "phases": [{"name": n, "minutes": m, "prompt": p} for n, m, p in template.rows],
    }


def card_json(card: Scenario) -> dict[str, object]:
    """One card for scripts: its key (what `trends --scenario` takes), names and whose it is."""
    return {
        "key": card.key,
        "company": card.company,
        "product": card.product,
        "builtin": not scenarios.is_user_card(card.key),
    }


def _report(problems: list[str]) -> None:
    """Files skipped while listing: named on stderr, so a script's stdout stays the listing alone."""
    for sentence in problems:
        print(f"studygroup: {terminal_line(sentence)}", file=sys.stderr)
