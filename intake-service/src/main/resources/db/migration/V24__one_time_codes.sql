-- Issue 29: 短信验证码, the one-time codes a petitioner is sent to act without an account: to evaluate
-- the answer to their case (purpose EVALUATION, subject the case's id). The code itself is never
-- stored: code_digest is its keyed digest with the subject (FieldCipher), so the table alone tells
-- no code. A code serves once, until expires_at, and for at most a few wrong tries.
CREATE TABLE one_time_code (
    id          BIGSERIAL   PRIMARY KEY,
    purpose     TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    code_digest TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    wrong_tries INTEGER     NOT NULL DEFAULT 0,
    used_at     TIMESTAMPTZ
);
CREATE INDEX one_time_code_subject ON one_time_code (purpose, subject, issued_at);

-- 评价渠道 and the rating of the 信访 office: the petitioner rates both the office and the unit with
-- authority (practice, domain.md 5); the case's satisfaction stays the rating of the answer.
ALTER TABLE petition_case ADD COLUMN office_satisfaction TEXT;
