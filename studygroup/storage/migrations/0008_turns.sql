-- Version 8: what was said in each turn of a question round. One row per person per question,
-- written when the turn begins and updated as its text is typed (debounced) and when it closes,
-- so a crash loses at most the last second of typing. Its own updated_at carries the bundle merge.
-- The person is a reference: someone with a turn stays in the participants table, as a note's author does.
CREATE TABLE turns (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id),
    question TEXT NOT NULL,
    started_seconds REAL NOT NULL DEFAULT 0,
    started_at REAL NOT NULL DEFAULT 0,
    seconds_spoken REAL NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    updated_at REAL NOT NULL
);
CREATE INDEX turns_by_session ON turns(session_id, started_seconds, started_at);
