-- Issue 28: a search by words answered from the word index alone (ADR 29, "one table").
-- The index row of a case carries what such a search reads of it: its order keys (received_on,
-- case_number), its sealed content (as the case row holds it, never in clear), and scope terms that
-- are the reading rule of a search by words exactly, not a superset of it:
--   'U:' + each unit involved (registering, handling, review, re-review) and, unless the case is an
--        accusation, each office informed of it (三跨);
--   'R:' + each level's prefix of the matter's and the handling region, unless an accusation
--        (an accusation's words are searched only by the units involved);
--   'X:' + each unit the case must never reach: its excluded units and its accused units;
--   'P:' + each level's prefix of the matter's region (the region criterion of a search);
--   'M:' + the month received (a wide search reads the newest months first, V20).
-- A caller may read a case found by words when its scope holds 'U:' + the caller's unit or
-- 'R:' + the caller's subtree, and not 'X:' + the caller's unit (CaseSearchRepository.VISIBLE
-- restricted to words; a test holds the two to the same answers).
-- Rebuilt as a new table and a fresh GIN build: on a node of millions an UPDATE of every row would
-- write each row twice and bloat the index.
CREATE OR REPLACE FUNCTION case_scope(c petition_case) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
    SELECT array_agg(DISTINCT t ORDER BY t) FROM (
        SELECT 'U:' || u AS t
          FROM unnest(ARRAY[c.registering_unit, c.handling_unit, c.review_unit, c.rereview_unit]
                      || CASE WHEN c.petition_class = 'ACCUSATION' THEN '{}'::text[]
                              ELSE c.informed_units END) AS u
         WHERE u IS NOT NULL
        UNION
        SELECT 'R:' || left(r, n)
          FROM unnest(ARRAY[c.matter_region_code, c.handling_region]) AS r,
               unnest(ARRAY[0, 2, 4, 6, 9]) AS n
         WHERE c.petition_class <> 'ACCUSATION' AND r IS NOT NULL AND length(r) >= n
        UNION
        SELECT 'X:' || x
          FROM unnest(c.excluded_units
                      || ARRAY(SELECT a.unit_code FROM accused a
                                WHERE a.case_id = c.id AND a.unit_code IS NOT NULL)) AS x
        UNION
        SELECT 'P:' || left(c.matter_region_code, n)
          FROM unnest(ARRAY[0, 2, 4, 6, 9]) AS n
         WHERE length(c.matter_region_code) >= n
        UNION
        SELECT 'M:' || to_char(c.received_on, 'YYYY-MM')) s
$$;

SET LOCAL maintenance_work_mem = '512MB';

CREATE TABLE case_terms_next AS
    SELECT t.case_id, t.key_id, t.words, case_scope(c) AS scope,
           c.received_on, c.case_number, c.content
      FROM case_terms t JOIN petition_case c ON c.id = t.case_id;

DROP TABLE case_terms;
ALTER TABLE case_terms_next RENAME TO case_terms;
ALTER TABLE case_terms
    ALTER COLUMN key_id SET NOT NULL,
    ALTER COLUMN words SET NOT NULL,
    ALTER COLUMN scope SET NOT NULL,
    ALTER COLUMN scope SET DEFAULT '{}',
    ADD PRIMARY KEY (case_id),
    ADD FOREIGN KEY (case_id) REFERENCES petition_case (id) ON DELETE CASCADE;
CREATE INDEX case_terms_search ON case_terms USING gin (words, scope);

-- the index row takes its case's columns as it is written ...
CREATE OR REPLACE FUNCTION case_terms_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT case_scope(c), c.received_on, c.case_number, c.content
      INTO NEW.scope, NEW.received_on, NEW.case_number, NEW.content
      FROM petition_case c WHERE c.id = NEW.case_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER case_terms_scope BEFORE INSERT OR UPDATE OF words ON case_terms
    FOR EACH ROW EXECUTE FUNCTION case_terms_scope();

-- ... and again whenever the case changes what the row holds
CREATE OR REPLACE FUNCTION petition_case_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_terms
       SET scope = case_scope(NEW), received_on = NEW.received_on,
           case_number = NEW.case_number, content = NEW.content
     WHERE case_id = NEW.id;
    RETURN NULL;
END
$$;

DROP TRIGGER petition_case_scope ON petition_case;
CREATE TRIGGER petition_case_scope AFTER UPDATE ON petition_case
    FOR EACH ROW
    WHEN (OLD.matter_region_code IS DISTINCT FROM NEW.matter_region_code
          OR OLD.handling_region IS DISTINCT FROM NEW.handling_region
          OR OLD.registering_unit IS DISTINCT FROM NEW.registering_unit
          OR OLD.handling_unit IS DISTINCT FROM NEW.handling_unit
          OR OLD.review_unit IS DISTINCT FROM NEW.review_unit
          OR OLD.rereview_unit IS DISTINCT FROM NEW.rereview_unit
          OR OLD.informed_units IS DISTINCT FROM NEW.informed_units
          OR OLD.excluded_units IS DISTINCT FROM NEW.excluded_units
          OR OLD.petition_class IS DISTINCT FROM NEW.petition_class
          OR OLD.received_on IS DISTINCT FROM NEW.received_on
          OR OLD.case_number IS DISTINCT FROM NEW.case_number
          OR OLD.content IS DISTINCT FROM NEW.content)
    EXECUTE FUNCTION petition_case_scope();

-- an accused unit named or corrected after the case was indexed
CREATE FUNCTION accused_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE case_terms t SET scope = case_scope(c)
      FROM petition_case c
     WHERE c.id = COALESCE(NEW.case_id, OLD.case_id) AND t.case_id = c.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER accused_scope AFTER INSERT OR UPDATE OR DELETE ON accused
    FOR EACH ROW EXECUTE FUNCTION accused_scope();
