-- Issue 28: words of the content, found without the content in clear (ADR 29).
-- words: keyed digests (HMAC, 32 bits) of every pair of adjacent characters of the content, made by
-- the node under the field key named by key_id; the database never sees a word.
-- scope: the regions (every level) and units a case concerns, so that one index scan finds the
-- words inside a caller's authority; kept by the triggers below from the case row itself.
CREATE TABLE case_terms (
    case_id UUID   PRIMARY KEY REFERENCES petition_case (id) ON DELETE CASCADE,
    key_id  TEXT   NOT NULL,
    words   INT[]  NOT NULL,
    scope   TEXT[] NOT NULL DEFAULT '{}'
);

-- words and scope in one GIN index (both arrays): a county's query intersects the two posting
-- lists inside the index before a row is read
CREATE INDEX case_terms_search ON case_terms USING gin (words, scope);

-- 'R:' + each level's prefix of every region the case concerns (the empty prefix too), and
-- 'U:' + each unit involved or informed: a superset of who may read the case (CaseSearchRepository
-- checks the exact rule after the index).
CREATE FUNCTION case_scope(c petition_case) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(DISTINCT t ORDER BY t) FROM (
        SELECT 'R:' || left(r, n) AS t
          FROM unnest(ARRAY[c.matter_region_code, c.handling_region, c.review_region,
                            c.rereview_region, split_part(c.registering_unit, ':', 1)]) AS r,
               unnest(ARRAY[0, 2, 4, 6, 9]) AS n
         WHERE r IS NOT NULL AND length(r) >= n
        UNION
        SELECT 'U:' || u
          FROM unnest(ARRAY[c.registering_unit, c.handling_unit, c.review_unit, c.rereview_unit]
                      || c.informed_units) AS u
         WHERE u IS NOT NULL) s
$$;

CREATE FUNCTION case_terms_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.scope := (SELECT case_scope(c) FROM petition_case c WHERE c.id = NEW.case_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER case_terms_scope BEFORE INSERT OR UPDATE OF words ON case_terms
    FOR EACH ROW EXECUTE FUNCTION case_terms_scope();

CREATE FUNCTION petition_case_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_terms SET scope = case_scope(NEW) WHERE case_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER petition_case_scope AFTER UPDATE ON petition_case
    FOR EACH ROW
    WHEN (OLD.matter_region_code IS DISTINCT FROM NEW.matter_region_code
          OR OLD.handling_region IS DISTINCT FROM NEW.handling_region
          OR OLD.review_region IS DISTINCT FROM NEW.review_region
          OR OLD.rereview_region IS DISTINCT FROM NEW.rereview_region
          OR OLD.registering_unit IS DISTINCT FROM NEW.registering_unit
          OR OLD.handling_unit IS DISTINCT FROM NEW.handling_unit
          OR OLD.review_unit IS DISTINCT FROM NEW.review_unit
          OR OLD.rereview_unit IS DISTINCT FROM NEW.rereview_unit
          OR OLD.informed_units IS DISTINCT FROM NEW.informed_units)
    EXECUTE FUNCTION petition_case_scope();
