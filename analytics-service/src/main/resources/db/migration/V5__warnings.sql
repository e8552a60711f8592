-- 预警研判 (issue 6, docs/warnings.md): the rules as data, every version kept, and the warnings
-- they raised. Nothing here names a person: warnings cite regions, units, categories and cases.

-- A chain of petitions (the same matter petitioned again: repeat receipts and registrations intake
-- linked to an earlier case) is named by its first case; facts before this version stand alone.
ALTER TABLE petition_fact ADD COLUMN chain_id UUID;
UPDATE petition_fact SET chain_id = case_id;
ALTER TABLE petition_fact ALTER COLUMN chain_id SET NOT NULL;
CREATE INDEX petition_fact_chain ON petition_fact (chain_id, day);

-- Each version of each rule; the newest is in force. A new version is an administrator's call with
-- a reason; rows are never changed or deleted (the audit record).
CREATE TABLE warning_rule (
    id          TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    kind        TEXT        NOT NULL,
    name        TEXT        NOT NULL,
    enabled     BOOLEAN     NOT NULL,
    parameters  JSONB       NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    changed_by  TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    PRIMARY KEY (id, version)
);

INSERT INTO warning_rule VALUES
 ('category-spike', 1, 'CATEGORY_SPIKE', '某类信访激增', true,
  '{"days": 7, "baselineWindows": 8, "factor": 2.0, "minCount": 5, "regionDigits": 6}', now(), 'system', '初始规则'),
 ('repeat-petitions', 1, 'REPEAT_PETITIONS', '重复信访', true,
  '{"days": 30, "minPetitions": 3}', now(), 'system', '初始规则'),
 ('moving-up', 1, 'MOVING_UP', '逐级上行（越级苗头）', true,
  '{"days": 90}', now(), 'system', '初始规则'),
 ('collective-signs', 1, 'COLLECTIVE_SIGNS', '集体访苗头', true,
  '{"days": 3, "minPetitions": 5, "regionDigits": 9}', now(), 'system', '初始规则'),
 ('timely-acceptance-below', 1, 'RATE_BELOW', '及时受理率偏低', true,
  '{"rate": "TIMELY_ACCEPTANCE", "threshold": 0.9, "minDenominator": 10, "days": 30}', now(), 'system', '初始规则'),
 ('on-time-reply-below', 1, 'RATE_BELOW', '按期办结率偏低', true,
  '{"rate": "ON_TIME_REPLY", "threshold": 0.9, "minDenominator": 10, "days": 30}', now(), 'system', '初始规则'),
 ('near-deadline', 1, 'NEAR_DEADLINE', '临期未办', true,
  '{"withinDays": 2, "idleDays": 5}', now(), 'system', '初始规则');

-- A warning is raised once per episode: the rule names it by a key (a region and category in an
-- ISO week, a chain reaching a level, a unit on a day), and the same key is never raised twice.
CREATE TABLE warning (
    id              UUID        PRIMARY KEY,
    rule_id         TEXT        NOT NULL,
    rule_version    INTEGER     NOT NULL,
    kind            TEXT        NOT NULL,
    region_code     TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    episode         TEXT        NOT NULL UNIQUE,
    summary         TEXT        NOT NULL,
    figures         JSONB       NOT NULL,
    case_numbers    TEXT[]      NOT NULL,
    raised_on       DATE        NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TIMESTAMPTZ,
    note            TEXT
);
CREATE INDEX warning_region ON warning (region_code text_pattern_ops, raised_on DESC);
