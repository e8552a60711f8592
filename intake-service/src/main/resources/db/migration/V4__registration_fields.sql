-- Registration as Art 19 and the national data dictionary record it (issue 3).
ALTER TABLE petition_case
    ADD COLUMN purpose            TEXT,
    ADD COLUMN origin             TEXT     NOT NULL DEFAULT 'DIRECT',
    ADD COLUMN intermediary_name  TEXT,
    ADD COLUMN intermediary_post  TEXT,
    ADD COLUMN involved_count     INTEGER,
    ADD COLUMN anonymous          BOOLEAN  NOT NULL DEFAULT FALSE,
    ADD COLUMN confidential       BOOLEAN  NOT NULL DEFAULT FALSE,
    ADD COLUMN collective         BOOLEAN  NOT NULL DEFAULT FALSE,
    ADD COLUMN new_facts          TEXT,
    -- 重复信访: the earlier case of the same petitioner about the same matter
    ADD COLUMN repeat_of          UUID     REFERENCES petition_case (id),
    ADD COLUMN repeat_similarity  NUMERIC(4, 3),
    ADD COLUMN repeat_matched_on  TEXT,
    -- the query code is kept encrypted (query_code) and found by its keyed digest
    ADD COLUMN query_code_digest  TEXT;
CREATE INDEX petition_case_repeat_of ON petition_case (repeat_of);

ALTER TABLE petitioner
    ADD COLUMN kind                 TEXT NOT NULL DEFAULT 'PERSON',
    ADD COLUMN id_type              TEXT,
    ADD COLUMN address_region_code  TEXT,
    ADD COLUMN phone_digest         TEXT;
UPDATE petitioner SET id_type = 'RESIDENT_ID' WHERE id_number IS NOT NULL;
CREATE INDEX petitioner_phone_digest ON petitioner (phone_digest);
CREATE INDEX petitioner_name ON petitioner (name);

-- 被反映人（单位）of an accusation: never shown to that unit.
CREATE TABLE accused (
    id         BIGSERIAL PRIMARY KEY,
    case_id    UUID      NOT NULL REFERENCES petition_case (id),
    position   INTEGER   NOT NULL,
    kind       TEXT      NOT NULL,
    name       TEXT      NOT NULL,
    unit_code  TEXT,
    unit_name  TEXT,
    post       TEXT,
    rank       TEXT
);
CREATE INDEX accused_case ON accused (case_id);
CREATE INDEX accused_unit ON accused (unit_code);

-- A repeat petition linked to an open case (Art 19(3)) opens no case: the transition that records
-- it keeps the registration's Idempotency-Key, so that a retry finds it.
ALTER TABLE case_transition ADD COLUMN idempotency_key TEXT UNIQUE;
