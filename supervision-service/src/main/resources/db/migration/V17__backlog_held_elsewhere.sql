-- 积案 listed at another node for cases of units of this node's subtree (issue 30, item 3;
-- docs/nodes.md): what the broadcast backlog-changed says of them, never the owning leader, the
-- team, the plan or the report. The entry itself stays at the node of the level that listed it;
-- the unit's offices read it and write their report there through their own gateway (a relay,
-- ADR 33), and follow it here until it is crossed off.
CREATE TABLE backlog_elsewhere (
    id               UUID    PRIMARY KEY,
    held_at          TEXT    NOT NULL,
    case_id          UUID    NOT NULL,
    case_number      TEXT    NOT NULL,
    unit_code        TEXT,
    unit_region_code TEXT    NOT NULL,
    listing_region   TEXT    NOT NULL,
    grounds          TEXT    NOT NULL,
    accusation       BOOLEAN NOT NULL,
    listed_on        DATE    NOT NULL,
    resolve_by       DATE    NOT NULL,
    status           TEXT    NOT NULL,
    resolution       TEXT,
    crossed_off_on   DATE
);
CREATE INDEX backlog_elsewhere_region
    ON backlog_elsewhere (unit_region_code text_pattern_ops, listed_on, id);
