-- The rates of a region's own units read the steps of exactly that region (issue 6 bench): by
-- region first, then due date, so that a province's own units do not scan every step of the
-- province due in the period.
CREATE INDEX step_fact_region_due ON step_fact (step, unit_region_code, due_on);
