-- Deadlines that stay right (issue 23): the official calendar as versioned data, the calendar
-- version and the counting inputs of every step, and the 2005 regulation's limits for old cases.

-- 法定节假日安排: each version adds or replaces one year's notice. Version 1 is the vendored file
-- (calendar/README.md), written at start by CalendarStore when the table is empty.
CREATE TABLE calendar_version (
    version           INTEGER     PRIMARY KEY CHECK (version > 0),
    year              INTEGER,
    notice_number     TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    first_changed_day DATE,
    loaded_by         TEXT        NOT NULL,
    loaded_at         TIMESTAMPTZ NOT NULL,
    node              TEXT        NOT NULL
);

-- The days of a version: for version 1 every year of the vendored file, for a later version the
-- one year of its notice.
CREATE TABLE official_day (
    version INTEGER NOT NULL REFERENCES calendar_version (version),
    day     DATE    NOT NULL,
    kind    TEXT    NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name    TEXT    NOT NULL,
    PRIMARY KEY (version, day)
);

-- Every step records how its due date was counted, so that a new calendar version recomputes it
-- exactly: the base days (the rule's, or the assigning body's for a 交办), an approved extension,
-- days not counted (hearings, Art 36), and the calendar version; provisional when the due date lies
-- past the last day that version covers.
ALTER TABLE case_step
    ADD COLUMN days             INTEGER,
    ADD COLUMN extension_days   INTEGER NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
    ADD COLUMN excluded_days    INTEGER NOT NULL DEFAULT 0 CHECK (excluded_days >= 0),
    ADD COLUMN calendar_version INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN provisional      BOOLEAN NOT NULL DEFAULT FALSE,
    -- the step stopped without being owed any more (an objection upheld took the matter from
    -- its unit): neither on time nor late
    ADD COLUMN withdrawn        BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE case_step s SET days = r.days FROM deadline_rule r WHERE s.rule_id = r.id;
UPDATE case_step s SET extension_days = (t.details ->> 'days')::int
  FROM case_transition t
 WHERE s.step = 'HANDLE' AND t.case_id = s.case_id AND t.transition = 'EXTENDED';
UPDATE case_step s SET excluded_days = h.days
  FROM (SELECT case_id, sum((details ->> 'days')::int) AS days FROM case_transition
         WHERE transition = 'HEARING_HELD' AND from_status = 'REREVIEW_REQUESTED' GROUP BY case_id) h
 WHERE s.step = 'REREVIEW' AND h.case_id = s.case_id;
-- every due date so far ended in 2026 or was counted as if later years had no holidays
UPDATE case_step SET provisional = TRUE WHERE due_on > DATE '2026-12-31';
UPDATE case_step SET days = due_on - started_on WHERE days IS NULL;
ALTER TABLE case_step ALTER COLUMN days SET NOT NULL;

CREATE INDEX case_step_recount ON case_step (due_on) WHERE provisional OR done_on IS NULL;
CREATE INDEX case_step_provisional ON case_step (case_id) WHERE provisional;

-- 2005 《信访条例》 (in force 2005-05-01 to 2022-04-30): the limits of cases received then (domain.md
-- §3.2). A step's rule is chosen by the day the petition was received. No objection window: the
-- 5 working days of Art 23(3) are new in 2022.
INSERT INTO deadline_rule (jurisdiction, step, days, day_kind, starts_at, effective_from, version, source) VALUES
 ('CN', 'FORWARD',          15, 'CALENDAR', '收到信访事项 / receipt of the petition',                 '2005-05-01', '2005-条例', '《信访条例》第二十一条'),
 ('CN', 'ACCEPT',           15, 'CALENDAR', '收到转送、交办 / receipt of the forward or assignment',   '2005-05-01', '2005-条例', '《信访条例》第二十二条'),
 ('CN', 'HANDLE',           60, 'CALENDAR', '受理 / acceptance',                                      '2005-05-01', '2005-条例', '《信访条例》第三十三条'),
 ('CN', 'EXTENSION',        30, 'CALENDAR', '原办理期限届满 / end of the handling period (at most)',  '2005-05-01', '2005-条例', '《信访条例》第三十三条'),
 ('CN', 'REPORT',           90, 'CALENDAR', '交办 / assignment (when the assigner sets none)',        '2005-05-01', '2005-条例', '《信访条例》第二十一条; 期限由交办机关确定, 此为缺省值'),
 ('CN', 'EVALUATE',          7, 'CALENDAR', '收到处理意见 / receipt of the written reply',            '2005-05-01', '2005-条例', '满意度评价期限未见原文(domain.md §5), 缺省值'),
 ('CN', 'REQUEST_REVIEW',   30, 'CALENDAR', '收到书面答复 / receipt of the written reply',            '2005-05-01', '2005-条例', '《信访条例》第三十四条'),
 ('CN', 'REVIEW',           30, 'CALENDAR', '收到复查请求 / receipt of the review request',           '2005-05-01', '2005-条例', '《信访条例》第三十四条'),
 ('CN', 'REQUEST_REREVIEW', 30, 'CALENDAR', '收到书面复查意见 / receipt of the review opinion',        '2005-05-01', '2005-条例', '《信访条例》第三十五条'),
 ('CN', 'REREVIEW',         30, 'CALENDAR', '收到复核请求 / receipt of the re-review request',         '2005-05-01', '2005-条例', '《信访条例》第三十五条');
