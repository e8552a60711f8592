-- Issue 29: 短信告知模板, an office's own wording of the SMS a petitioner is sent for a notice
-- (SmsTemplates); a notice without a row here is sent in the platform's wording, signed with the
-- office's name. Who changed it last, and when, beside the wording.
CREATE TABLE sms_template (
    office     TEXT        NOT NULL,
    notice     TEXT        NOT NULL,
    wording    TEXT        NOT NULL,
    changed_by TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (office, notice)
);
