-- One clock per open step of a case (时限), with the due date its owner computed.
-- The index on (status, due_on) is the due-time queue: work depends on what falls due,
-- not on how many cases are open.
CREATE TABLE statutory_clock (
    id               BIGSERIAL    PRIMARY KEY,
    case_id          UUID         NOT NULL,
    case_number      TEXT         NOT NULL,
    step             TEXT         NOT NULL,
    unit_code        TEXT         NOT NULL,
    unit_region_code TEXT         NOT NULL,
    started_on       DATE         NOT NULL,
    due_on           DATE         NOT NULL,
    status           TEXT         NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    UNIQUE (case_id, step)
);
CREATE INDEX statutory_clock_due ON statutory_clock (status, due_on);
CREATE INDEX statutory_clock_region ON statutory_clock (unit_region_code text_pattern_ops);
