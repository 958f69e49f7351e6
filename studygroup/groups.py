"""Random groups with the widest mix of disciplines, and roles dealt from the card.

People are anything with `.discipline` (and optionally `.sessions_attended`):
RosterPerson or Participant. Everything random takes a seed so a plan can be
reproduced.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from typing import Protocol, TypeVar

MIN_SIZE, MAX_SIZE, TARGET_SIZE = 4, 8, 6
Person = TypeVar("Person")


class RoleHolder(Protocol):
    """Someone a role can be dealt to: a Participant, or a person in the plan's table."""

    role: str


def size_warning(n: int, min_size: int = MIN_SIZE, max_size: int = MAX_SIZE) -> str | None:
    """One sentence when a group of *n* is outside the comfortable size, else None (never a block)."""
    if n == 0:
        return f"No one is in the group yet; study groups work best with {min_size} to {max_size} people."
    if n < min_size:
        return f"A group of {n} is small; study groups work best with {min_size} to {max_size} people."
    if n > max_size:
        return (
            f"A group of {n} is large; study groups work best with {min_size} to {max_size} people,"
            " so consider forming random groups."
        )
    return None


def group_count(n: int, min_size: int = MIN_SIZE, max_size: int = MAX_SIZE, target: int = TARGET_SIZE) -> int:
    """How many groups for *n* people: sizes within min..max, as close to *target* as possible."""
    if n <= max_size:
        return 1 if n else 0
    fewest, most = math.ceil(n / max_size), max(1, n // min_size)
    if fewest > most:  # min and max too close for this n: keep every group within max
        return fewest
    return min(range(fewest, most + 1), key=lambda k: (abs(n / k - target), k))


def form_groups(
    people: Sequence[Person], seed: int, min_size: int = MIN_SIZE, max_size: int = MAX_SIZE, target: int = TARGET_SIZE
) -> list[list[Person]]:
    """Split everyone into groups of min..max people (one smaller group when there are too few).

    Each discipline is spread evenly: its counts in any two groups differ by at most one.
    Within a discipline the people with the fewest sessions go to the earliest groups, so
    `pick_group` finds a group of newcomers. Same people and seed, same groups.
    """
    k = group_count(len(people), min_size, max_size, target)
    if k == 0:
        return []
    rng = random.Random(seed)
    buckets = _discipline_buckets(people, rng)
    slots = _deal_slots([len(bucket) for bucket in buckets], k)
    groups: list[list[Person]] = [[] for _ in range(k)]
    for bucket, group_indexes in zip(buckets, slots, strict=False):
        for person, group_index in zip(bucket, sorted(group_indexes), strict=False):
            groups[group_index].append(person)
    for group in groups:
        rng.shuffle(group)
    return groups


def _discipline_buckets(people: Sequence[Person], rng: random.Random) -> list[list[Person]]:
    """People by discipline (case and spaces ignored), largest discipline first; each bucket
    ordered by sessions attended, ties in random order."""
    by_discipline: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        by_discipline[" ".join(str(getattr(person, "discipline", "")).split()).casefold()].append(person)
    buckets = list(by_discipline.values())
    rng.shuffle(buckets)
    buckets.sort(key=len, reverse=True)  # stable: equal sizes stay in random order
    for bucket in buckets:
        rng.shuffle(bucket)
        bucket.sort(key=sessions_attended)
    return buckets


def _deal_slots(bucket_sizes: list[int], k: int) -> list[list[int]]:
    """Deal the people round-robin over k groups, discipline after discipline.

    Consecutive deals land in consecutive groups, so one discipline's c people fill c
    different groups before any group gets a second, and group sizes differ by at most one.
    """
    slots, dealt = [], 0
    for size in bucket_sizes:
        slots.append([(dealt + i) % k for i in range(size)])
        dealt += size
    return slots


def sessions_attended(person: object) -> int:
    return int(getattr(person, "sessions_attended", 0) or 0)


def newcomer_count(group: Sequence[Person]) -> int:
    return sum(1 for person in group if sessions_attended(person) == 0)


def pick_group(groups: Sequence[Sequence[Person]]) -> int:
    """Index of the group for this session: most newcomers, then fewest past sessions, then first."""
    if not groups:
        raise ValueError("There are no groups to pick from; add people to the roster first.")
    return min(
        range(len(groups)), key=lambda i: (-newcomer_count(groups[i]), sum(map(sessions_attended, groups[i])), i)
    )


def deal_roles(participants: Sequence[RoleHolder], roles: Sequence[str], seed: int) -> list[str]:
    """Give each participant a role from the card at random (sets `.role`; returns the roles).

    Every role is dealt once before any is dealt twice; with no roles everyone gets "".
    """
    rng = random.Random(seed)
    roles = [role for role in roles if role.strip()]
    dealt: list[str] = []
    while roles and len(dealt) < len(participants):
        deck = list(roles)
        rng.shuffle(deck)
        dealt.extend(deck)
    dealt = dealt[: len(participants)] if roles else [""] * len(participants)
    for person, role in zip(participants, dealt, strict=False):
        person.role = role
    return dealt
