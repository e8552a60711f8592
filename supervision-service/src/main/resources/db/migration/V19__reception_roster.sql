-- 接访领导名单 (issue 31, item 10): the leaders of each region who are to hold reception days, as
-- the office lists them, so that one who plans none is flagged in the compliance list instead of
-- being absent from it. A leader who leaves is taken off (the row deleted); the days planned stay.
CREATE TABLE reception_leader (
    id        UUID        PRIMARY KEY,
    region    TEXT        NOT NULL,
    leader    TEXT        NOT NULL,
    post      TEXT        NOT NULL,
    added_by  TEXT        NOT NULL,
    added_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (region, leader, post)
);
CREATE INDEX reception_leader_region ON reception_leader (region text_pattern_ops);
