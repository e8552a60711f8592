-- The same Idempotency-Key with a different request is refused (issue 24): every registration
-- made with a key keeps a fingerprint (SHA-256) of the request it answered.
ALTER TABLE petition_case ADD COLUMN idempotency_fingerprint TEXT;
ALTER TABLE case_transition ADD COLUMN idempotency_fingerprint TEXT;
