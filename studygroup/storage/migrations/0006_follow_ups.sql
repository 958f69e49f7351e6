-- Version 6: follow-ups that get filed: who owns each, where it stands and its tracker link.
-- A table of its own keyed by note, not columns on observations: tracker bookkeeping is not an
-- edit of what was typed, so it adds no version to observation_versions, leaves the note's
-- updated_at alone (a note edited on one laptop and marked filed on another merges both), and
-- carries its own stamp for the bundle merge.
CREATE TABLE follow_up_states (
    observation_id TEXT PRIMARY KEY REFERENCES observations(id) ON DELETE CASCADE,
    owner TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'filed', 'fixed', 'wont_fix')),
    link TEXT NOT NULL DEFAULT '',
    updated_at REAL NOT NULL
);
