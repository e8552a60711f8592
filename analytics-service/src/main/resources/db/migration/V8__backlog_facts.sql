-- 积案化解率 (issue 6, docs/statistics.md): every backlog entry of the node's subtree, from
-- supervision's backlog-changed events: when it was listed and when it was crossed off.
CREATE TABLE backlog_fact (
    backlog_id       UUID PRIMARY KEY,
    case_id          UUID NOT NULL,
    case_number      TEXT NOT NULL,
    unit_region_code TEXT NOT NULL,
    listed_on        DATE NOT NULL,
    crossed_off_on   DATE
);
CREATE INDEX backlog_fact_region ON backlog_fact (unit_region_code text_pattern_ops, listed_on);
