-- Issue 29: attachments travel with their case to the node that owns it now (docs/attachments.md).

-- The public handoff key of the node the case was handed to, as its routing decision carried it:
-- an attachment added here after the handoff is sealed for that node with it.
ALTER TABLE petition_case ADD COLUMN handed_to_key TEXT;

-- 待发送的附件: an attachment being sent to another node, one part after the other (the courier
-- publishes the next part through the outbox and moves next_part on; the row goes with the last).
CREATE TABLE attachment_transfer (
    id            UUID        PRIMARY KEY,
    attachment_id UUID        NOT NULL REFERENCES attachment (id),
    case_id       UUID        NOT NULL REFERENCES petition_case (id),
    to_node       TEXT        NOT NULL,
    node_key      TEXT        NOT NULL,
    next_part     INT         NOT NULL DEFAULT 0,
    parts         INT         NOT NULL CHECK (parts > 0),
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachment_transfer_due ON attachment_transfer (created_at);

-- 接收中的附件: the parts of an attachment handed here, kept until all have arrived (sealed as they
-- came: only the attachment's record, opened when they are joined, holds the key).
CREATE TABLE attachment_part (
    transfer_id   UUID        NOT NULL,
    part          INT         NOT NULL,
    parts         INT         NOT NULL,
    attachment_id UUID        NOT NULL,
    case_id       UUID        NOT NULL,
    sealed_record TEXT        NOT NULL,
    to_node       TEXT        NOT NULL,
    content       BYTEA       NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (transfer_id, part)
);
