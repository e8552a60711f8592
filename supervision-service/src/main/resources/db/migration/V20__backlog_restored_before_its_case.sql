-- A backlog entry (积案) is journaled and restored as a node starts empty, before the case events
-- are read again (ADR 37): its case's standing (supervised_case, derived from those events) arrives
-- after it. The entry keeps the case's id; the standing follows within the catch-up.
ALTER TABLE backlog_case DROP CONSTRAINT IF EXISTS backlog_case_case_id_fkey;
