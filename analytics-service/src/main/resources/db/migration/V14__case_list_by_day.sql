-- The facts behind a bucket are listed in the order they fell in the period (due date, day
-- received), then by case number, and each bucket is a condition on the fact's columns
-- (RateRepository.Source): the period's index (step_fact_due, petition_fact_day) gives that
-- order at every level, so a city no longer walks the whole table in case-number order to find
-- the one step in a thousand that is its own (issue 6 bench: 450 ms). V13's indexes go.
DROP INDEX step_fact_case_number;
DROP INDEX petition_fact_case_number;
