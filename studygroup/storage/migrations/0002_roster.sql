-- Version 2: a roster that remembers who took part, and airtime per person.
CREATE TABLE roster (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    discipline TEXT NOT NULL DEFAULT '',
    sessions_attended INTEGER NOT NULL DEFAULT 0,
    last_session_at REAL
);
ALTER TABLE participants ADD COLUMN roster_id TEXT REFERENCES roster(id);
ALTER TABLE participants ADD COLUMN airtime_seconds REAL NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN journey_steps_json TEXT NOT NULL DEFAULT '[]';
