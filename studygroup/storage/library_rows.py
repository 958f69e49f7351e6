"""The library across sessions: per-session sums for studygroup.trends, grouped in SQL, and a problem's notes.

The grouping (by session, then journey step or tag, then kind) happens here, so 60,000 notes
come back as a few thousand rows. Deleted notes never count. Session ids and other lists travel
as one JSON array read with json_each, so no list is ever too long for SQLite's parameters.
"""

from __future__ import annotations

import json

from studygroup.library import STEP, TAG, ProblemTally, Quote, SessionHeadline
from studygroup.model import author_label
from studygroup.storage.rows import Rows
from studygroup.summary import BadDays

# A session counts as held once it has left "planned", or when it has notes (a bundle's, say); never from the trash.
_HELD_SESSIONS = """
SELECT s.id, s.title, s.date, s.facilitator,
       coalesce(json_extract(s.scenario_json, '$.key'), ''), coalesce(json_extract(s.scenario_json, '$.company'), ''),
       s.journey_steps_json,
       (SELECT count(*) FROM participants p WHERE p.session_id = s.id),
       coalesce(b.people_with_bad_day, 0), coalesce(b.bad_days, 0)
FROM sessions s LEFT JOIN (
    SELECT o.session_id, count(DISTINCT p.id) AS people_with_bad_day, count(*) AS bad_days
    FROM observations o LEFT JOIN participants p ON p.id = o.author_id AND p.session_id = o.session_id
    WHERE o.kind = 'bad_day' AND o.deleted_at IS NULL
    GROUP BY o.session_id
) b ON b.session_id = s.id
WHERE s.date >= ? AND s.trashed_at IS NULL AND (s.status != 'planned'
    OR EXISTS (SELECT 1 FROM observations o WHERE o.session_id = s.id AND o.deleted_at IS NULL))
ORDER BY s.date, s.created_at, s.id
"""

# Two plain scans rather than one shared CTE: each then reads only the covering index
# observations_live_by_kind (migration 0005), in its order, with no sort for the GROUP BY.
_LIVE_PROBLEMS = (
    "session_id IN (SELECT value FROM json_each(:sessions)) AND deleted_at IS NULL"
    " AND kind IN (SELECT value FROM json_each(:kinds))"
)
_PROBLEMS = f"""
SELECT session_id, :step, journey_step, kind, count(*), max(severity) FROM observations
WHERE {_LIVE_PROBLEMS} AND journey_step != ''
GROUP BY session_id, kind, journey_step
UNION ALL
SELECT session_id, :tag, t.value, kind, count(DISTINCT o.rowid), max(severity)  -- a tag given twice counts once
FROM observations o, json_each(o.tags_json) t
WHERE {_LIVE_PROBLEMS} AND tags_json != '[]'
GROUP BY session_id, kind, t.value
"""

_QUOTES = """
SELECT o.text, o.kind, o.severity, o.session_id, s.title, s.date, p.name, s.facilitator, o.session_seconds
FROM observations o JOIN sessions s ON s.id = o.session_id
LEFT JOIN participants p ON p.id = o.author_id
WHERE o.session_id IN (SELECT value FROM json_each(:sessions)) AND o.deleted_at IS NULL
  AND o.kind IN (SELECT value FROM json_each(:kinds)) AND {key_matches}
ORDER BY o.severity DESC, s.date DESC, s.created_at DESC, o.session_seconds, o.id
LIMIT :limit
"""
_KEY_MATCHES = {
    STEP: "o.journey_step IN (SELECT value FROM json_each(:keys))",
    TAG: "EXISTS (SELECT 1 FROM json_each(o.tags_json) t WHERE t.value IN (SELECT value FROM json_each(:keys)))",
}


class LibraryRows(Rows):
    """Read-only sums over every session, for the library's trends."""

    def held_sessions(self, since: str = "") -> list[SessionHeadline]:
        """Sessions held on or after *since* (YYYY-MM-DD; "" for all), oldest first, with their bad-day counts."""
        return [
            SessionHeadline(
                id=r[0],
                title=r[1],
                date=r[2],
                facilitator=r[3],
                card_key=str(r[4]),
                company=str(r[5]),
                figures=BadDays(people=r[7], people_with_bad_day=r[8], bad_days=r[9]),
                journey_steps=tuple(json.loads(r[6])),
            )
            for r in self._read(_HELD_SESSIONS, (since,))
        ]

    def problem_tallies(self, session_ids: list[str], kinds: tuple[str, ...]) -> list[ProblemTally]:
        """Live notes of *kinds* in those sessions, counted by session, journey step or tag, and kind."""
        rows = self._read(
            _PROBLEMS, {"sessions": json.dumps(session_ids), "kinds": json.dumps(kinds), "step": STEP, "tag": TAG}
        )
        return [ProblemTally(*row) for row in rows]

    def problem_quotes(
        self, key_kind: str, keys: tuple[str, ...], session_ids: tuple[str, ...], kinds: tuple[str, ...], limit: int
    ) -> list[Quote]:
        """Live notes of *kinds* naming one of *keys* (journey steps or tags) in those sessions, worst first."""
        params = {
            "sessions": json.dumps(session_ids),
            "kinds": json.dumps(kinds),
            "keys": json.dumps(keys),
            "limit": limit,
        }
        rows = self._read(_QUOTES.format(key_matches=_KEY_MATCHES[key_kind]), params)
        return [Quote(r[0], r[1], r[2], r[3], r[4], r[5], author_label(r[6], r[7]), r[8]) for r in rows]
