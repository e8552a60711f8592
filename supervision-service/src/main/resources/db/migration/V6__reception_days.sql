-- 领导接访: leaders' reception days, planned and then recorded as held or not (issue 5).
-- A leader is named as the office publishes it (name and post); petitioners are not recorded here.
CREATE TABLE reception_day (
    id          UUID    PRIMARY KEY,
    leader      TEXT    NOT NULL,
    post        TEXT    NOT NULL,
    region      TEXT    NOT NULL,
    planned_on  DATE    NOT NULL,
    place       TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    persons     INTEGER,
    batches     INTEGER,
    note        TEXT,
    planned_by  TEXT    NOT NULL,
    recorded_by TEXT
);
CREATE INDEX reception_day_region ON reception_day (region text_pattern_ops, planned_on);
