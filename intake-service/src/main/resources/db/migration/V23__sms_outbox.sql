-- Issue 29: 同意短信告知, whether a petitioner agreed to be told of their case by SMS, as registered.
ALTER TABLE petitioner ADD COLUMN sms_consent BOOLEAN NOT NULL DEFAULT FALSE;

-- 短信发件箱: each SMS notice to a petitioner, written in the transaction of the step it tells of
-- and sent by SmsSender to the SMS center over SMPP. The phone and the text are sealed as the
-- case's personal data are (FieldCipher); phone_digest counts a phone's messages for its rate limit.
-- status: QUEUED (to send at next_at), SENT (the center took every part), DELIVERED (a receipt
-- for every part), UNDELIVERED (a receipt said a part was not), FAILED (refused, or given up).
CREATE TABLE sms_outbox (
    id              BIGSERIAL   PRIMARY KEY,
    case_id         UUID        NOT NULL REFERENCES petition_case (id),
    notice          TEXT        NOT NULL,
    phone           TEXT        NOT NULL,
    phone_digest    TEXT        NOT NULL,
    text            TEXT        NOT NULL,
    parts           INTEGER     NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_at         TIMESTAMPTZ NOT NULL,
    message_ids     TEXT[]      NOT NULL DEFAULT '{}',
    delivered_parts INTEGER     NOT NULL DEFAULT 0,
    last_error      TEXT,
    queued_at       TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    done_at         TIMESTAMPTZ
);
CREATE INDEX sms_outbox_due ON sms_outbox (next_at) WHERE status = 'QUEUED';
CREATE INDEX sms_outbox_case ON sms_outbox (case_id);
CREATE INDEX sms_outbox_phone ON sms_outbox (phone_digest, sent_at);
CREATE INDEX sms_outbox_message ON sms_outbox USING gin (message_ids);

-- Delivery receipts as the SMS center sent them, kept until applied to their message (a receipt can
-- arrive before the sending of its message has committed).
CREATE TABLE sms_receipt (
    message_id  TEXT        PRIMARY KEY,
    delivered   BOOLEAN     NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
