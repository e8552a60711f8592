-- 协办 (issue 31, item 1): a case may owe several ASSIST steps at once, one per assisting unit, so
-- an open ASSIST clock is one per unit; every other step keeps one open clock per case.
DROP INDEX statutory_clock_open_step;
CREATE UNIQUE INDEX statutory_clock_open_step ON statutory_clock (case_id, step)
    WHERE status = 'OPEN' AND step <> 'ASSIST';
CREATE UNIQUE INDEX statutory_clock_open_assistance ON statutory_clock (case_id, unit_code)
    WHERE status = 'OPEN' AND step = 'ASSIST';
