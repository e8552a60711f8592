-- Clocks for every step the lifecycle events open (issue 3): a step can run more than once
-- (a new acceptance period after an upheld objection), so only one clock per step may be open.
ALTER TABLE statutory_clock DROP CONSTRAINT statutory_clock_case_id_step_key;
ALTER TABLE statutory_clock ADD COLUMN done_on DATE;
ALTER TABLE statutory_clock ADD COLUMN petitioner_window BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX statutory_clock_open_step ON statutory_clock (case_id, step) WHERE status = 'OPEN';
