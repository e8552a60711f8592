-- 协办 (issue 31, item 1): a case may owe several ASSIST steps at once, one per assisting unit, so
-- an open ASSIST fact is one per unit; every other step keeps one open fact per case. ASSIST facts
-- are tallied for 协办按期率 (timely-assistance/v1), the assisting units' own rate.
DROP INDEX step_fact_open;
CREATE UNIQUE INDEX step_fact_open ON step_fact (case_id, step)
    WHERE done_on IS NULL AND step <> 'ASSIST';
CREATE UNIQUE INDEX step_fact_open_assistance ON step_fact (case_id, unit_code)
    WHERE done_on IS NULL AND step = 'ASSIST';
