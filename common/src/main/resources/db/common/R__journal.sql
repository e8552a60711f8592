-- The journal (记录日志, docs/adr/0037-a-nodes-own-records-are-journaled.md): a row of a journaled
-- table, as it is after an insert or an update, or its key after a delete, goes into the outbox in
-- the same transaction; the relay seals it with the node's field key and publishes it on the
-- node's compacted journal topic (Topics.JOURNAL), keyed by table and primary key. A service that
-- starts on a database that never read its journal reads it back (cn.gov.petition.common.journal).
--
-- A table is journaled by a trigger named "journal" that calls this function with the names of its
-- primary key's columns (each service's R__journal_tables.sql). Restoring sets
-- petition.journal.restoring for its transaction: what it writes is what the journal holds already.
-- Repeatable (R__outbox_trace_context.sql says why); safe to run twice.
CREATE OR REPLACE FUNCTION petition_journal_row() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    state   jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    row_key jsonb := '{}'::jsonb;
    col     text;
BEGIN
    IF current_setting('petition.journal.restoring', true) = 'on' THEN
        RETURN NULL;
    END IF;
    FOREACH col IN ARRAY TG_ARGV LOOP
        row_key := row_key || jsonb_build_object(col, state -> col);
    END LOOP;
    INSERT INTO outbox_event (event_id, event_type, topic, aggregate_id, subject, payload, occurred_at)
    VALUES (gen_random_uuid(), 'cn.gov.petition.journal.row', 'journal',
            TG_TABLE_NAME || row_key::text, TG_TABLE_NAME,
            jsonb_build_object('table', TG_TABLE_NAME, 'key', row_key,
                               'row', CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE state END)::text,
            clock_timestamp());
    RETURN NULL;
END
$$;

-- The journals this database has been restored from, or found empty: a service reads its journal
-- once, the first time it starts on this database, never again (a later start would put the
-- journal's older state over changes still waiting in the outbox).
CREATE TABLE IF NOT EXISTS journal_mark (
    topic     TEXT        PRIMARY KEY,
    marked_at TIMESTAMPTZ NOT NULL,
    restored  INTEGER     NOT NULL
);
