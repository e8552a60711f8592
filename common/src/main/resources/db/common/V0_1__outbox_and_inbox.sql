-- Plumbing every service has in its own schema (docs/adr/0003-transactional-outbox.md).
-- Versions V0_x belong to petition-common; each service numbers its own migrations from V1.

-- Events written in the same transaction as the change they report; the relay publishes
-- them to Kafka and deletes them once the broker has acknowledged them.
CREATE TABLE outbox_event (
    id            BIGSERIAL    PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    event_type    TEXT         NOT NULL,
    topic         TEXT         NOT NULL,
    aggregate_id  TEXT         NOT NULL,
    subject       TEXT         NOT NULL,
    payload       TEXT         NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    last_error    TEXT
);

-- The ids of events a consumer has applied, recorded in the same transaction as their effect,
-- so that a redelivered event changes nothing.
CREATE TABLE processed_event (
    consumer      TEXT         NOT NULL,
    event_id      TEXT         NOT NULL,
    processed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
