-- 审计记录 (issue 7): one row for every call through the gateway, written before its answer
-- leaves. Who (user, unit, region, roles), when, what (method, service, path; the names of the
-- query parameters, never their values, which may be a name or a phone number), the case it
-- touched, whether the answer showed personal data unmasked, why (the caller's Access-Reason),
-- and how it ended (HTTP status).
CREATE TABLE audit_entry (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    user_name     text        NOT NULL,
    unit_code     text        NOT NULL,
    region_code   text        NOT NULL,
    roles         text        NOT NULL,
    method        text        NOT NULL,
    service       text        NOT NULL,
    path          text        NOT NULL,
    query_names   text        NOT NULL,
    case_id       uuid,
    personal_data boolean     NOT NULL,
    reason        text,
    status        integer     NOT NULL
);

-- The auditor's questions: a subtree's entries newest first, one user's, one case's.
CREATE INDEX audit_entry_region ON audit_entry (region_code text_pattern_ops, id);
CREATE INDEX audit_entry_user ON audit_entry (user_name, id);
CREATE INDEX audit_entry_case ON audit_entry (case_id, id) WHERE case_id IS NOT NULL;

-- Entries cannot be changed or removed: no API does it, and the database refuses it too.
-- (In production the gateway's database role is granted INSERT and SELECT only; docs/gateway.md.)
CREATE FUNCTION audit_entry_is_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries cannot be changed or deleted (%)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_permanent();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_permanent();
