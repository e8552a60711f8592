-- The node registry, in every service's schema (docs/nodes.md; empty where nothing reads it): the nodes
-- of the platform as they announced themselves on the compacted topic petition.nodes, read by
-- cn.gov.petition.common.nodes.NodeRegistry. Repeatable like R__outbox_trace_context.sql: routing
-- (V3, V4) and supervision (V15) created their own table before it was one; these statements bring
-- either, or none, to the one shape, and are safe to run twice.
CREATE TABLE IF NOT EXISTS node (
    region_code  TEXT        PRIMARY KEY,
    announced_at TIMESTAMPTZ NOT NULL
);
ALTER TABLE node ADD COLUMN IF NOT EXISTS region_name TEXT;
-- the public key case files handed to the node are sealed with (issue 26); null if none
ALTER TABLE node ADD COLUMN IF NOT EXISTS handoff_key TEXT;
-- where other nodes reach its gateway (reading across nodes, issue 30); null if nowhere
ALTER TABLE node ADD COLUMN IF NOT EXISTS address TEXT;
