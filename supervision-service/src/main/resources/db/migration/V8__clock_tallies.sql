-- The deadline board's read model (issue 5: p95 under 100 ms for a province of 10 million
-- cases). Open, warned and overdue steps per unit: the board sums at most the province's units,
-- never its clocks. Every change of a clock appends its difference to clock_tally_change (no row
-- is updated by two consumers at once, so no lock waits and no deadlocks between the consumer and
-- the watch); the compactor folds the changes into clock_tally every few seconds, and the board
-- reads both.
CREATE TABLE clock_tally (
    unit_code        TEXT   PRIMARY KEY,
    unit_region_code TEXT   NOT NULL,
    open_steps       BIGINT NOT NULL,
    warned_steps     BIGINT NOT NULL,
    overdue_steps    BIGINT NOT NULL
);
CREATE INDEX clock_tally_region ON clock_tally (unit_region_code text_pattern_ops);
CREATE TABLE clock_tally_change (
    id               BIGSERIAL PRIMARY KEY,
    unit_code        TEXT      NOT NULL,
    unit_region_code TEXT      NOT NULL,
    open_steps       INTEGER   NOT NULL,
    warned_steps     INTEGER   NOT NULL,
    overdue_steps    INTEGER   NOT NULL
);
INSERT INTO clock_tally (unit_code, unit_region_code, open_steps, warned_steps, overdue_steps)
SELECT unit_code, min(unit_region_code), count(*),
       count(*) FILTER (WHERE stage = 'WARNED'), count(*) FILTER (WHERE stage = 'OVERDUE')
  FROM statutory_clock WHERE status = 'OPEN' AND NOT petitioner_window
 GROUP BY unit_code;
-- the board's drill-down to one unit's open steps, soonest due first
CREATE INDEX statutory_clock_unit_open ON statutory_clock (unit_code, due_on, id)
 WHERE status = 'OPEN';
