-- ID numbers and phones are stored AES-GCM encrypted by the service (FieldCipher); the digest
-- column is a keyed hash for finding the same petitioner again (repeat petitions).
-- Rows written before this version stay readable as they are and are encrypted when next saved.
ALTER TABLE petitioner ADD COLUMN id_number_digest TEXT;
CREATE INDEX petitioner_id_number_digest ON petitioner (id_number_digest);
