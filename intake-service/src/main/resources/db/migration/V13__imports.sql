-- Issue 27: an office's former cases come in through an import job (docs/migration.md, ADR 28).
-- The former system's number makes a second import of the same case change nothing.
ALTER TABLE petition_case ADD COLUMN old_case_number TEXT;
CREATE UNIQUE INDEX petition_case_old_case_number ON petition_case (old_case_number)
    WHERE old_case_number IS NOT NULL;

CREATE TABLE import_job (
    id          UUID        PRIMARY KEY,
    unit_code   TEXT        NOT NULL,
    region_code TEXT        NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    -- OPEN (taking parts), RUNNING, CANCELLED, DONE
    status      TEXT        NOT NULL,
    started_at  TIMESTAMPTZ,
    finished_at TIMESTAMPTZ
);

-- One record of a job's file. The record itself (personal data) is sealed like any personal-data
-- column and dropped once its case is in; the errors name fields and rules, never a value.
CREATE TABLE import_record (
    id              BIGSERIAL   PRIMARY KEY,
    job_id          UUID        NOT NULL REFERENCES import_job (id),
    line            INTEGER     NOT NULL,
    old_case_number TEXT,
    received_on     DATE,
    -- INVALID (the checks refused it), PENDING, IMPORTED, SKIPPED (in already), FAILED
    state           TEXT        NOT NULL,
    record          TEXT,
    errors          TEXT,
    due_differences TEXT,
    case_id         UUID,
    done_at         TIMESTAMPTZ,
    UNIQUE (job_id, line)
);
CREATE INDEX import_record_pending ON import_record (job_id, received_on, line)
    WHERE state = 'PENDING';
CREATE INDEX import_record_number ON import_record (job_id, old_case_number);
CREATE INDEX import_record_done ON import_record (job_id, done_at) WHERE done_at IS NOT NULL;
