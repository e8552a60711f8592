-- 三函: supervision letters (风险提醒函, 督办函, 问责建议函) to a unit about one case or a group,
-- each with a reply deadline, tracked until the unit answers in writing (issue 5).
CREATE TABLE supervision_letter (
    id               UUID    PRIMARY KEY,
    kind             TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    seq              INTEGER NOT NULL,
    issuer_unit      TEXT    NOT NULL,
    issuer_region    TEXT    NOT NULL,
    issued_by        TEXT    NOT NULL,
    recipient_unit   TEXT    NOT NULL,
    recipient_region TEXT    NOT NULL,
    case_ids         TEXT[]  NOT NULL,
    case_numbers     TEXT[]  NOT NULL,
    reason           TEXT    NOT NULL,
    issued_on        DATE    NOT NULL,
    reply_due_on     DATE    NOT NULL,
    status           TEXT    NOT NULL,
    escalated_on     DATE,
    answer           TEXT,
    answered_on      DATE,
    answered_by      TEXT,
    UNIQUE (issuer_region, kind, year, seq)
);
CREATE INDEX supervision_letter_recipient ON supervision_letter (recipient_region text_pattern_ops);
-- the letters watch reads only the outstanding ones whose reply is due
CREATE INDEX supervision_letter_outstanding ON supervision_letter (reply_due_on)
    WHERE status = 'OUTSTANDING';
