-- Issue 29: 附件, the scanned letters, photos, call recordings and signed documents of a case, kept
-- encrypted in the S3-compatible object store (ADR 31). A row holds what the store does not: the
-- sniffed type, the size, the digest of the plain content, the object's data key sealed with the
-- node's field key (FieldCipher), and the file's name sealed like the case's personal data.
CREATE TABLE attachment (
    id            UUID        PRIMARY KEY,
    case_id       UUID        NOT NULL REFERENCES petition_case (id),
    transition_id BIGINT      REFERENCES case_transition (id),
    kind          TEXT        NOT NULL,
    content_type  TEXT        NOT NULL,
    size          BIGINT      NOT NULL,
    sha256        TEXT        NOT NULL,
    file_name     TEXT        NOT NULL,
    object_key    TEXT        NOT NULL,
    data_key      TEXT        NOT NULL,
    unit_code     TEXT        NOT NULL,
    user_name     TEXT        NOT NULL,
    uploaded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachment_case ON attachment (case_id, uploaded_at);

-- Every reading of an attachment's content: who, of which unit, when (an attachment is personal
-- data as a whole: it cannot be masked).
CREATE TABLE attachment_read (
    id            BIGSERIAL   PRIMARY KEY,
    attachment_id UUID        NOT NULL REFERENCES attachment (id),
    unit_code     TEXT        NOT NULL,
    user_name     TEXT        NOT NULL,
    read_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX attachment_read_attachment ON attachment_read (attachment_id, read_at);
