-- 批示件办理情况 (issue 31, item 2; docs/statistics.md): every leader's instruction (领导批示) to a unit of
-- the node's subtree, from supervision's letter-changed events: when it was given, by when the unit
-- must report back, and when it did.
CREATE TABLE instruction_fact (
    letter_id        UUID    PRIMARY KEY,
    recipient_unit   TEXT    NOT NULL,
    recipient_region TEXT    NOT NULL,
    issued_on        DATE    NOT NULL,
    reply_due_on     DATE    NOT NULL,
    answered_on      DATE,
    answered_late    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX instruction_fact_region ON instruction_fact (recipient_region text_pattern_ops, issued_on);
