-- The facts the rates are computed from (issue 6, docs/statistics.md). Kept from the lifecycle
-- events of the node's subtree; nothing here names a person or holds petition text.

-- Every deadline step a unit owed (and the petitioner's evaluation window), as the events carried
-- it: who owed it, its due date, when it was done and whether on time; for an evaluation, the
-- petitioner's answer.
CREATE TABLE step_fact (
    id               BIGSERIAL PRIMARY KEY,
    case_id          UUID    NOT NULL,
    case_number      TEXT    NOT NULL,
    step             TEXT    NOT NULL,
    unit_code        TEXT    NOT NULL,
    unit_region_code TEXT    NOT NULL,
    started_on       DATE    NOT NULL,
    due_on           DATE    NOT NULL,
    done_on          DATE,
    on_time          BOOLEAN,
    outcome          TEXT
);
CREATE UNIQUE INDEX step_fact_open ON step_fact (case_id, step) WHERE done_on IS NULL;
CREATE INDEX step_fact_due ON step_fact (step, due_on, unit_region_code text_pattern_ops);

-- Every time a petition reached an office: a registration (first or repeat, 重复信访) or the same
-- petitioner again about a case still in the procedure (REPEAT_RECEIVED).
CREATE TABLE petition_fact (
    id                 BIGSERIAL PRIMARY KEY,
    case_id            UUID    NOT NULL,
    case_number        TEXT    NOT NULL,
    day                DATE    NOT NULL,
    matter_region_code TEXT    NOT NULL,
    repeat             BOOLEAN NOT NULL
);
CREATE INDEX petition_fact_day ON petition_fact (day, matter_region_code text_pattern_ops);
CREATE INDEX petition_fact_case ON petition_fact (case_id);
