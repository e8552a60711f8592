-- 挂牌督办: a unit or a township placed under listed supervision with a reason and a
-- rectification deadline, until a close-out review (摘牌) passes (issue 5, Art 39(3)).
CREATE TABLE listing (
    id             UUID    PRIMARY KEY,
    target         TEXT    NOT NULL,
    target_region  TEXT    NOT NULL,
    listed_by      TEXT    NOT NULL,
    listing_region TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    listed_on      DATE    NOT NULL,
    rectify_by     DATE    NOT NULL,
    status         TEXT    NOT NULL,
    closed_on      DATE
);
CREATE INDEX listing_target_region ON listing (target_region text_pattern_ops);
-- one open listing per target at a time
CREATE UNIQUE INDEX listing_open_target ON listing (target) WHERE status = 'LISTED';
CREATE TABLE listing_review (
    id          BIGSERIAL PRIMARY KEY,
    listing_id  UUID      NOT NULL REFERENCES listing (id),
    reviewed_on DATE      NOT NULL,
    reviewed_by TEXT      NOT NULL,
    passed      BOOLEAN   NOT NULL,
    findings    TEXT      NOT NULL
);
CREATE INDEX listing_review_listing ON listing_review (listing_id);
