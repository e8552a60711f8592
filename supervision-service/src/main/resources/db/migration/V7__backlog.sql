-- The cases of this node's subtree as the lifecycle events describe them (issue 5): where each
-- stands, how often it was petitioned again, how the petitioner evaluated it and whether its
-- closing report came. Kept by the case-events consumer; nothing here names a person.
CREATE TABLE supervised_case (
    case_id          UUID    PRIMARY KEY,
    case_number      TEXT    NOT NULL,
    unit_code        TEXT    NOT NULL,
    unit_region_code TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    ended            BOOLEAN NOT NULL,
    mode             TEXT,
    repeat_count     INTEGER NOT NULL DEFAULT 0,
    evaluation       TEXT,
    report_submitted BOOLEAN NOT NULL DEFAULT FALSE,
    first_seen_on    DATE    NOT NULL,
    last_progress_on DATE    NOT NULL
);
CREATE INDEX supervised_case_region ON supervised_case (unit_region_code text_pattern_ops)
 WHERE NOT ended;

-- 积案: a case open past its limits or petitioned again and again, taken on by a leader (领导包案)
-- with a work team and a plan, crossed off (销号) only when the 一案双督 checks pass.
CREATE TABLE backlog_case (
    id               UUID    PRIMARY KEY,
    case_id          UUID    NOT NULL REFERENCES supervised_case (case_id),
    grounds          TEXT    NOT NULL,
    leader_name      TEXT    NOT NULL,
    leader_post      TEXT    NOT NULL,
    team             TEXT[]  NOT NULL,
    plan             TEXT    NOT NULL,
    resolve_by       DATE    NOT NULL,
    listed_on        DATE    NOT NULL,
    listed_by        TEXT    NOT NULL,
    listing_region   TEXT    NOT NULL,
    report           TEXT,
    reported_on      DATE,
    status           TEXT    NOT NULL,
    resolution       TEXT,
    petitioner_statement TEXT,
    crossed_off_on   DATE,
    crossed_off_by   TEXT
);
CREATE UNIQUE INDEX backlog_open_case ON backlog_case (case_id) WHERE status = 'OPEN';
CREATE INDEX backlog_case_case ON backlog_case (case_id);
-- the backlog's questions about one case's clocks, done or not
CREATE INDEX statutory_clock_case ON statutory_clock (case_id);
