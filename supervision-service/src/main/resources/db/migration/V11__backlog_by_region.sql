-- The backlog list of a region without visiting the cases (bench/run dashboards: the province's
-- list read 10 million cases' rows): each entry carries its case's unit region, kept by the
-- case-events consumer when the case moves to another unit.
ALTER TABLE backlog_case ADD COLUMN unit_region_code TEXT;
UPDATE backlog_case b SET unit_region_code = c.unit_region_code
  FROM supervised_case c WHERE c.case_id = b.case_id;
ALTER TABLE backlog_case ALTER COLUMN unit_region_code SET NOT NULL;
CREATE INDEX backlog_case_region ON backlog_case (unit_region_code text_pattern_ops, listed_on, id);
