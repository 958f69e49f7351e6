-- Version 3: small per-database settings; the facilitator PIN is kept here as a salted scrypt hash.
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
