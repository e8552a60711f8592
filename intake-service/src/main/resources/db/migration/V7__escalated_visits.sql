-- 越级走访: routing found the visit registered two or more levels above the level with authority.
ALTER TABLE petition_case ADD COLUMN escalated BOOLEAN NOT NULL DEFAULT FALSE;
