-- Issue 29: 网上信访, a petition a citizen submits online, verified by a one-time code sent to their
-- mobile. It waits in the queue of the 信访 office of the matter's county until a registrar
-- registers it as a case (channel ONLINE, the same query code) or declines to (not a petition).
-- Personal data are sealed as the case's are (FieldCipher); the digests find a phone's and a query
-- code's submissions without opening them.
CREATE TABLE online_submission (
    id                 UUID        PRIMARY KEY,
    query_code         TEXT        NOT NULL,
    query_code_digest  TEXT        NOT NULL UNIQUE,
    name               TEXT        NOT NULL,
    id_type            TEXT,
    id_number          TEXT,
    phone              TEXT        NOT NULL,
    phone_digest       TEXT        NOT NULL,
    address            TEXT        NOT NULL,
    matter_region_code TEXT        NOT NULL,
    content            TEXT        NOT NULL,
    sms_consent        BOOLEAN     NOT NULL,
    office             TEXT        NOT NULL,
    office_region      TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    submitted_at       TIMESTAMPTZ NOT NULL,
    case_id            UUID        REFERENCES petition_case (id),
    handled_unit       TEXT,
    handled_by         TEXT,
    handled_at         TIMESTAMPTZ,
    reason             TEXT
);
CREATE INDEX online_submission_queue ON online_submission (office_region, status, submitted_at);
CREATE INDEX online_submission_phone ON online_submission (phone_digest, submitted_at);

-- The one-time code of a submission is sent before there is a case.
ALTER TABLE sms_outbox ALTER COLUMN case_id DROP NOT NULL;

-- The photos and scans a citizen attaches to a submission belong to it until it is registered,
-- then to its case (the object stays where it is).
ALTER TABLE attachment ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE attachment ADD COLUMN submission_id UUID REFERENCES online_submission (id);
ALTER TABLE attachment ADD CONSTRAINT attachment_owner
    CHECK (case_id IS NOT NULL OR submission_id IS NOT NULL);
CREATE INDEX attachment_submission ON attachment (submission_id);
