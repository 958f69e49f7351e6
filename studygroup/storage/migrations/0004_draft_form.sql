-- Version 4: a draft keeps what its author chose around the text (kind, severity, journey
-- step, "I expected" / "what happened"), so a crash loses none of it.
ALTER TABLE drafts ADD COLUMN form_json TEXT NOT NULL DEFAULT '{}';
