-- Issue 28: a petitioner found by name alone (按姓名查询), by the keyed digest of the name. Rows from
-- before this version get theirs from the re-sealing pass (SealedColumns), which takes every row
-- with a name and no name digest.
ALTER TABLE petitioner ADD COLUMN name_digest TEXT;
CREATE INDEX petitioner_name_digest ON petitioner (name_digest);
