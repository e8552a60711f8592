-- 挂牌督办 across nodes (issue 30, item 3; docs/nodes.md). The listed target's office reports on
-- its rectification (整改报告) before the close-out review.
ALTER TABLE listing ADD COLUMN report TEXT;
ALTER TABLE listing ADD COLUMN reported_on DATE;
ALTER TABLE listing ADD COLUMN reported_by TEXT;

-- Listings another node's level placed on a unit or township of this node's subtree: what the
-- broadcast listing-changed says of them, never the reason, the report or the findings. The listing
-- itself stays at the node of the level that listed it; the target's offices read it and report
-- there through their own gateway (a relay, ADR 33), and follow it here until it is closed.
CREATE TABLE listing_elsewhere (
    id             UUID PRIMARY KEY,
    held_at        TEXT NOT NULL,
    target         TEXT NOT NULL,
    target_region  TEXT NOT NULL,
    listing_region TEXT NOT NULL,
    listed_on      DATE NOT NULL,
    rectify_by     DATE NOT NULL,
    status         TEXT NOT NULL,
    reported_on    DATE,
    last_failed_on DATE,
    closed_on      DATE
);
CREATE INDEX listing_elsewhere_target_region ON listing_elsewhere (target_region text_pattern_ops);
