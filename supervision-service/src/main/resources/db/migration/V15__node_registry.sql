-- The nodes of the platform as they announced themselves (issue 30): which node hosts a unit, so
-- that only that node publishes its steps' deadline alerts, and where an office above reads a case
-- file held there.
CREATE TABLE node (
    region_code  TEXT        PRIMARY KEY,
    address      TEXT,
    announced_at TIMESTAMPTZ NOT NULL
);
