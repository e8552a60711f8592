-- Issue 28: a province's or a city's search by words reads the newest months first (ADR 29): the
-- scope of the word index also names the month the case was received ('M:2026-12').
CREATE OR REPLACE FUNCTION case_scope(c petition_case) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
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
         WHERE u IS NOT NULL
        UNION
        SELECT 'M:' || to_char(c.received_on, 'YYYY-MM')) s
$$;

DROP TRIGGER petition_case_scope ON petition_case;
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
          OR OLD.informed_units IS DISTINCT FROM NEW.informed_units
          OR OLD.received_on IS DISTINCT FROM NEW.received_on)
    EXECUTE FUNCTION petition_case_scope();

UPDATE case_terms t SET scope = case_scope(c) FROM petition_case c WHERE c.id = t.case_id;
