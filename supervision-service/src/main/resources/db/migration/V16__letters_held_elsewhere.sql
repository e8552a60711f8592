-- 三函 issued at another node to units of this node's subtree (issue 30, item 3; docs/nodes.md):
-- what the broadcast letter-changed says of them, never their reason or answer. The letter itself
-- stays at the node that issued it; the recipient reads and answers it there through its own
-- gateway (a relay, ADR 33), and follows it here to its end.
CREATE TABLE letter_elsewhere (
    id               UUID    PRIMARY KEY,
    held_at          TEXT    NOT NULL,
    number           TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    issuer_unit      TEXT    NOT NULL,
    issuer_region    TEXT    NOT NULL,
    recipient_unit   TEXT    NOT NULL,
    recipient_region TEXT    NOT NULL,
    case_ids         TEXT[]  NOT NULL,
    case_numbers     TEXT[]  NOT NULL,
    accusation       BOOLEAN NOT NULL,
    issued_on        DATE    NOT NULL,
    reply_due_on     DATE    NOT NULL,
    status           TEXT    NOT NULL,
    escalated_on     DATE,
    answered_on      DATE,
    answered_late    BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX letter_elsewhere_recipient ON letter_elsewhere (recipient_region text_pattern_ops);
