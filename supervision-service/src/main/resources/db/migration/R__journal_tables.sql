-- What supervision-service's offices make, as opposed to what it derives from the case events
-- (clocks, standings, tallies) or hears from other nodes (*_elsewhere, node): journaled, so that a
-- node started empty on the same Kafka rebuilds them (R__journal.sql in petition-common, ADR 37).
-- A trigger's arguments name its table's primary key. Each table's rows are then touched once, so
-- that those made before the journal existed (or seeded by a migration) are in it too. Repeatable;
-- safe to run twice.

-- 三函
DROP TRIGGER IF EXISTS journal ON supervision_letter;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON supervision_letter
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id');
UPDATE supervision_letter SET id = id;
-- 挂牌督办
DROP TRIGGER IF EXISTS journal ON listing;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON listing
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id');
UPDATE listing SET id = id;
-- 挂牌督办的审核
DROP TRIGGER IF EXISTS journal ON listing_review;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON listing_review
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id');
UPDATE listing_review SET id = id;
-- 积案
DROP TRIGGER IF EXISTS journal ON backlog_case;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON backlog_case
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id');
UPDATE backlog_case SET id = id;
-- 领导接访日
DROP TRIGGER IF EXISTS journal ON reception_day;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON reception_day
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id');
UPDATE reception_day SET id = id;
-- 接访领导名单
DROP TRIGGER IF EXISTS journal ON reception_leader;
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON reception_leader
    FOR EACH ROW EXECUTE FUNCTION petition_journal_row('id');
UPDATE reception_leader SET id = id;
