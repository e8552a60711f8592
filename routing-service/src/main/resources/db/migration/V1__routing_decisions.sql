-- Every routing decision, with the rule version used and its explanation (issue 4 widens it).
CREATE TABLE routing_decision (
    case_id       UUID         PRIMARY KEY,
    case_number   TEXT         NOT NULL,
    unit_code     TEXT         NOT NULL,
    unit_name     TEXT         NOT NULL,
    region_code   TEXT         NOT NULL,
    mode          TEXT         NOT NULL,
    rule_version  TEXT         NOT NULL,
    explanation   TEXT         NOT NULL,
    decided_at    TIMESTAMPTZ  NOT NULL
);
