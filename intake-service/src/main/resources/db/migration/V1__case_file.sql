-- The case file (信访件) as far as the foundation needs it; issue 3 widens it.
CREATE TABLE petition_case (
    id                  UUID         PRIMARY KEY,
    case_number         TEXT         NOT NULL UNIQUE,
    query_code          TEXT         NOT NULL,
    channel             TEXT         NOT NULL,
    received_on         DATE         NOT NULL,
    registered_at       TIMESTAMPTZ  NOT NULL,
    registering_unit    TEXT         NOT NULL,
    registered_by       TEXT         NOT NULL,
    matter_region_code  TEXT         NOT NULL,
    category            TEXT         NOT NULL,
    content             TEXT         NOT NULL,
    person_count        INTEGER      NOT NULL,
    status              TEXT         NOT NULL,
    handling_unit       TEXT,
    handling_unit_name  TEXT,
    handling_region     TEXT,
    routing_mode        TEXT,
    routing_explanation TEXT,
    assigned_on         DATE,
    accept_due_on       DATE,
    idempotency_key     TEXT         UNIQUE,
    version             INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX petition_case_matter_region ON petition_case (matter_region_code text_pattern_ops);

-- Petitioners (信访人): personal data, never broadcast.
CREATE TABLE petitioner (
    id         BIGSERIAL PRIMARY KEY,
    case_id    UUID      NOT NULL REFERENCES petition_case (id),
    position   INTEGER   NOT NULL,
    name       TEXT      NOT NULL,
    id_number  TEXT,
    phone      TEXT,
    address    TEXT
);
CREATE INDEX petitioner_case ON petitioner (case_id);

-- Daily sequence per region for human-readable case numbers.
CREATE TABLE case_number_sequence (
    region_code  TEXT     NOT NULL,
    day          DATE     NOT NULL,
    last_value   INTEGER  NOT NULL,
    PRIMARY KEY (region_code, day)
);
