-- What analytics-service's administrators make, as opposed to what it derives from the events
-- (facts, tallies, snapshots): journaled, so that a node started empty on the
-- same Kafka rebuilds them (R__journal.sql in petition-common, ADR 37).
-- A trigger's arguments name its table's primary key. Each table's rows are then touched once, so
-- that those made before the journal existed (or seeded by a migration) are in it too. Repeatable;
-- safe to run twice.

-- 预警规则, every version
DROP TRIGGER IF EXISTS journal ON warning_rule;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON warning_rule
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id', 'version');
UPDATE warning_rule SET id = id;
-- 预警: raised by the rules, acknowledged by a person; journaled for the acknowledgement, and so that
-- a node rebuilt from the events does not raise an episode again (episode is unique)
DROP TRIGGER IF EXISTS journal ON warning;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON warning
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id');
UPDATE warning SET id = id;
