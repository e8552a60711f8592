-- Issue 6 bench, fourth run: the province's list of the cases behind a rare bucket (50 late
-- acceptances) walked 82,000 entries of the period's index and fetched each row from the table
-- to test its bucket (423 ms). The period's indexes now carry every column a bucket tests and a
-- list returns, so the walk reads the index alone (an index-only scan where the visibility map
-- is set, as autovacuum keeps it for all but the newest pages).
DROP INDEX step_fact_due;
CREATE INDEX step_fact_due ON step_fact (step, due_on, case_number, unit_region_code text_pattern_ops)
    INCLUDE (case_id, unit_code, done_on, on_time, outcome);
DROP INDEX petition_fact_day;
CREATE INDEX petition_fact_day ON petition_fact (day, case_number, matter_region_code text_pattern_ops)
    INCLUDE (case_id, repeat);
