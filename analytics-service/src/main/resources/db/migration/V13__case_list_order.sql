-- The cases behind a bucket are listed by case number (issue 6 bench: a province's late
-- acceptances of a month took 400 ms, sorting every step due in it). Walking the facts in case
-- number order, the first 50 that fall in the bucket are found after a few thousand rows.
CREATE INDEX step_fact_case_number ON step_fact (step, case_number, case_id);
CREATE INDEX petition_fact_case_number ON petition_fact (case_number, case_id);
