"""Small per-database settings (the facilitator PIN's hash, its back-off, participant mode), as JSON values."""

from __future__ import annotations

import json
from typing import Any

from studygroup.storage.rows import Rows


class SettingRows(Rows):
    """Key/value settings kept in the database, so they survive the app being killed."""

    def setting(self, key: str) -> Any:  # whatever JSON was stored: the caller knows its shape
        """The value stored under *key*, or None when there is none."""
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0][0]) if rows else None

    def put_setting(self, key: str, value: object) -> None:
        """Store *value* (anything JSON can hold) under *key*; None removes the key."""
        with self.db.atomic() as conn:
            if value is None:
                conn.execute("DELETE FROM settings WHERE key = ?", (key,))
            else:
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value)))
