-- Issue 26: names, addresses, the petition's content and the free text of its handling are sealed
-- at rest like ID numbers and phones (docs/adr/0008-personal-data-encrypted-at-rest.md). SQL cannot
-- seal (the key stays out of the database): the service re-seals the rows this leaves in plain at
-- start (SealedColumns), and finds a petitioner by name and address through a keyed digest.
ALTER TABLE petitioner ADD COLUMN name_address_digest TEXT;
CREATE INDEX petitioner_name_address_digest ON petitioner (name_address_digest);

-- sealed JSON is text, not jsonb: no SQL reads inside the details any more
ALTER TABLE case_transition ALTER COLUMN details DROP DEFAULT;
ALTER TABLE case_transition ALTER COLUMN details TYPE TEXT USING details::text;
-- a sealed name sorts and matches nothing: its index only costs
DROP INDEX IF EXISTS petitioner_name;
