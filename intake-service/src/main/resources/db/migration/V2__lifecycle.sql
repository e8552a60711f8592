-- The handling lifecycle (issue 3): classification, the deadline table as data, each case's
-- steps with their due dates, and the history of transitions (which also holds the content of
-- every notice and opinion, so a document can be printed again exactly as issued).

ALTER TABLE petition_case
    ADD COLUMN petition_class  TEXT NOT NULL DEFAULT 'APPEAL',
    ADD COLUMN accepted_on     DATE,
    ADD COLUMN extended        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN opinion_outcome TEXT,
    ADD COLUMN satisfaction    TEXT,
    ADD COLUMN review_unit     TEXT,
    ADD COLUMN review_region   TEXT,
    ADD COLUMN rereview_unit   TEXT,
    ADD COLUMN rereview_region TEXT,
    ADD COLUMN ended_on        DATE,
    DROP COLUMN accept_due_on;
ALTER TABLE petition_case ALTER COLUMN petition_class DROP DEFAULT;

-- 时限表: statutory periods as data. jurisdiction 'CN' applies nationwide; a row for a province
-- code (e.g. '33') overrides it there. Several versions may exist: the one in effect on the day
-- the period starts applies.
CREATE TABLE deadline_rule (
    id             BIGSERIAL PRIMARY KEY,
    jurisdiction   TEXT    NOT NULL CHECK (jurisdiction = 'CN' OR jurisdiction ~ '^\d{2}$'),
    step           TEXT    NOT NULL,
    days           INTEGER NOT NULL CHECK (days > 0),
    day_kind       TEXT    NOT NULL CHECK (day_kind IN ('CALENDAR', 'WORKING')),
    starts_at      TEXT    NOT NULL,
    effective_from DATE    NOT NULL,
    version        TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    UNIQUE (jurisdiction, step, effective_from)
);

INSERT INTO deadline_rule (jurisdiction, step, days, day_kind, starts_at, effective_from, version, source) VALUES
 ('CN', 'FORWARD',          15, 'CALENDAR', '收到信访事项 / receipt of the petition',                 '2022-05-01', '2022-条例', '《信访工作条例》第二十二条'),
 ('CN', 'ACCEPT',           15, 'CALENDAR', '收到转送、交办 / receipt of the forward or assignment',   '2022-05-01', '2022-条例', '《信访工作条例》第二十三条第三款'),
 ('CN', 'OBJECT',            5, 'WORKING',  '收到转送、交办 / receipt of the forward or assignment',   '2022-05-01', '2022-条例', '《信访工作条例》第二十三条第三款'),
 ('CN', 'HANDLE',           60, 'CALENDAR', '受理 / acceptance',                                      '2022-05-01', '2022-条例', '《信访工作条例》第三十四条'),
 ('CN', 'EXTENSION',        30, 'CALENDAR', '原办理期限届满 / end of the handling period (at most)',  '2022-05-01', '2022-条例', '《信访工作条例》第三十四条'),
 ('CN', 'REPORT',           90, 'CALENDAR', '交办 / assignment (when the assigner sets none)',        '2022-05-01', '2022-条例', '《信访工作条例》第二十二条第一款第三项; 期限由交办机关确定, 此为缺省值'),
 ('CN', 'EVALUATE',          7, 'CALENDAR', '收到处理意见 / receipt of the written reply',            '2022-05-01', '2022-条例', '满意度评价期限未见原文(domain.md §5), 缺省值'),
 ('CN', 'REQUEST_REVIEW',   30, 'CALENDAR', '收到书面答复 / receipt of the written reply',            '2022-05-01', '2022-条例', '《信访工作条例》第三十五条'),
 ('CN', 'REVIEW',           30, 'CALENDAR', '收到复查请求 / receipt of the review request',           '2022-05-01', '2022-条例', '《信访工作条例》第三十五条'),
 ('CN', 'REQUEST_REREVIEW', 30, 'CALENDAR', '收到书面复查意见 / receipt of the review opinion',        '2022-05-01', '2022-条例', '《信访工作条例》第三十六条'),
 ('CN', 'REREVIEW',         30, 'CALENDAR', '收到复核请求 / receipt of the re-review request (听证时间不计算在内)', '2022-05-01', '2022-条例', '《信访工作条例》第三十六条');

-- 办理环节: each step of a case that runs against a deadline, with the due date computed once.
CREATE TABLE case_step (
    id               BIGSERIAL PRIMARY KEY,
    case_id          UUID    NOT NULL REFERENCES petition_case (id),
    step             TEXT    NOT NULL,
    unit_code        TEXT    NOT NULL,
    unit_region_code TEXT    NOT NULL,
    started_on       DATE    NOT NULL,
    due_on           DATE    NOT NULL,
    done_on          DATE,
    rule_id          BIGINT  REFERENCES deadline_rule (id)
);
CREATE INDEX case_step_case ON case_step (case_id);

-- 办理记录: every transition, who took it, and what it decided (the content of its document).
CREATE TABLE case_transition (
    id          BIGSERIAL   PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES petition_case (id),
    transition  TEXT        NOT NULL,
    from_status TEXT,
    to_status   TEXT        NOT NULL,
    occurred_on DATE        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    unit_code   TEXT        NOT NULL,
    user_name   TEXT        NOT NULL,
    details     JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX case_transition_case ON case_transition (case_id);

-- 查询码: petitioners look their case up by it.
CREATE UNIQUE INDEX petition_case_query_code ON petition_case (query_code);

-- Cases routed before this version: ASSIGNED meant "lies with its unit" whatever the mode.
UPDATE petition_case SET status = 'FORWARDED' WHERE status = 'ASSIGNED' AND routing_mode = 'FORWARD';
