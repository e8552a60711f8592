-- Issue 31, item 8: 保管期限 and 匿名化 (docs/retention.md, ADR 40). How long each type of record
-- keeps its personal data, counted from the day its case ended, in whole years; years NULL is 永久
-- (kept for ever). office '*' is the platform's default, an office's own row (its administrator's
-- choice under the archives rules it follows) replaces it for the cases that office registered.
CREATE TABLE retention_period (
    office      TEXT        NOT NULL,
    record_type TEXT        NOT NULL,
    years       INTEGER     CHECK (years BETWEEN 1 AND 100),
    reason      TEXT        NOT NULL,
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (office, record_type)
);

-- The defaults (机关文件材料归档范围和文书档案保管期限规定, 国家档案局令第8号: 永久, 定期30年, 定期10年):
-- a case file 30 years, its attachments (scans, photos, recordings) 10.
INSERT INTO retention_period (office, record_type, years, reason, changed_by, changed_at) VALUES
    ('*', 'CASE_FILE', 30, '平台默认：定期30年 / platform default', 'platform', now()),
    ('*', 'ATTACHMENT', 10, '平台默认：定期10年 / platform default', 'platform', now());

-- The day the case's personal data were taken out; NULL while it keeps them.
ALTER TABLE petition_case ADD COLUMN anonymised_on DATE;
CREATE INDEX petition_case_ended_kept ON petition_case (ended_on) WHERE anonymised_on IS NULL;

-- Every run of the retention job (the nightly one, or one an administrator started) ...
CREATE TABLE retention_run (
    id          UUID        PRIMARY KEY,
    as_of       DATE        NOT NULL,
    office      TEXT,
    started_by  TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);

-- ... and everything it did, a row per case and record type: what it took out or deleted (field
-- names, attachment ids, kinds and sizes, never a value), under which period, and the objects it
-- still has to delete from the object store (emptied once the store confirms).
CREATE TABLE retention_action (
    id              BIGSERIAL   PRIMARY KEY,
    run_id          UUID        NOT NULL REFERENCES retention_run (id),
    case_id         UUID        NOT NULL REFERENCES petition_case (id),
    case_number     TEXT        NOT NULL,
    office          TEXT        NOT NULL,
    record_type     TEXT        NOT NULL,
    years           INTEGER     NOT NULL,
    ended_on        DATE        NOT NULL,
    done            JSONB       NOT NULL,
    objects_pending TEXT[]      NOT NULL DEFAULT '{}',
    done_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX retention_action_run ON retention_action (run_id, id);
CREATE INDEX retention_action_case ON retention_action (case_id);
CREATE INDEX retention_action_pending ON retention_action (id) WHERE objects_pending <> '{}';
