-- Version 7: Home's library tidies itself. An archived session leaves Home's list (it stays in the
-- library's trends and search); a session in the trash leaves Home, the command line's list, the
-- trends, search and recurrence counts, until it is restored or deleted for good. Stamps rather
-- than flags, so the trash can list what was thrown away last first.
ALTER TABLE sessions ADD COLUMN archived_at REAL;
ALTER TABLE sessions ADD COLUMN trashed_at REAL;
