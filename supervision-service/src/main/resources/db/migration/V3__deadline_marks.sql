-- Warnings and overdue marks (issue 5). Each open clock of a unit's step carries the day the
-- watch must look at it next: the due-time queue. The watch reads only the rows whose day has
-- come, through the partial index, so its work follows what falls due, not how many are open.
ALTER TABLE statutory_clock ADD COLUMN stage TEXT NOT NULL DEFAULT 'RUNNING';
ALTER TABLE statutory_clock ADD COLUMN warned_days INTEGER;
ALTER TABLE statutory_clock ADD COLUMN next_check_on DATE;
UPDATE statutory_clock SET next_check_on = due_on - 3
 WHERE status = 'OPEN' AND NOT petitioner_window;
CREATE INDEX statutory_clock_next_check ON statutory_clock (next_check_on)
 WHERE next_check_on IS NOT NULL;
