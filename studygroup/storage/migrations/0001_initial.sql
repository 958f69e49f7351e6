-- Version 1: sessions with their agenda, group, notes, note history and drafts.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    facilitator TEXT NOT NULL DEFAULT '',
    scenario_json TEXT NOT NULL,
    lingo_json TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'running', 'paused', 'ended')),
    current_phase INTEGER NOT NULL DEFAULT 0,
    running_since REAL,
    auto_advance INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL
);

CREATE TABLE phases (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    planned_minutes REAL NOT NULL,
    prompt TEXT NOT NULL DEFAULT '',
    extra_seconds REAL NOT NULL DEFAULT 0,
    elapsed_seconds REAL NOT NULL DEFAULT 0,
    started_at REAL,
    ended_at REAL
);
CREATE INDEX phases_by_session ON phases(session_id, position);

CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    discipline TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT ''
);
CREATE INDEX participants_by_session ON participants(session_id, position);

CREATE TABLE observations (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    author_id TEXT REFERENCES participants(id),
    phase_id TEXT REFERENCES phases(id),
    session_seconds REAL NOT NULL,
    wall_time REAL NOT NULL,
    kind TEXT NOT NULL,
    severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),
    journey_step TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    tags_json TEXT NOT NULL DEFAULT '[]',
    follow_up INTEGER NOT NULL DEFAULT 0,
    expected TEXT NOT NULL DEFAULT '',
    happened TEXT NOT NULL DEFAULT '',
    lingo_flag INTEGER NOT NULL DEFAULT 0,
    solution_flag INTEGER NOT NULL DEFAULT 0,
    deleted_at REAL,
    updated_at REAL NOT NULL
);
CREATE INDEX observations_by_session ON observations(session_id, session_seconds);

-- Every edit keeps the version it replaced: nothing typed is destroyed.
CREATE TABLE observation_versions (
    observation_id TEXT NOT NULL REFERENCES observations(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    snapshot_json TEXT NOT NULL,
    replaced_at REAL NOT NULL,
    PRIMARY KEY (observation_id, version)
);

CREATE TABLE drafts (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    author_key TEXT NOT NULL,  -- participant id, or '' for the facilitator
    text TEXT NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (session_id, author_key)
);
