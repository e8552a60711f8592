-- Deadlines that stay right (issue 23): a clock carries the calendar version its due date was
-- counted with, and whether that date is provisional (待定: past the last day the version covers,
-- recounted by intake when next year's holiday notice is loaded).
ALTER TABLE statutory_clock
    ADD COLUMN calendar_version INTEGER,
    ADD COLUMN provisional      BOOLEAN NOT NULL DEFAULT FALSE;
