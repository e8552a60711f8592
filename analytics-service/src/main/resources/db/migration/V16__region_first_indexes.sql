-- Issue 6 bench, fourth run: a township's list of the cases behind a bucket walked the whole
-- province's month in the period's index (168 ms): the region-first index of V11 could not serve
-- "unit_region_code LIKE '530302001%'" under a collation other than C. With text_pattern_ops it
-- can (measured on the bench's 10 million cases: 0.8 ms), and PostgreSQL chooses between the two
-- orders by the region's size.
DROP INDEX step_fact_region_due;
CREATE INDEX step_fact_region_due ON step_fact (step, unit_region_code text_pattern_ops, due_on);
CREATE INDEX petition_fact_region ON petition_fact (matter_region_code text_pattern_ops, day);
