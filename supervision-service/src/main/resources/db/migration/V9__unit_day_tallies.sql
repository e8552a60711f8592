-- 日分析、周排名 (issue 5): per unit and day, the steps done on time, done late and fallen overdue,
-- kept like the clock tallies (V8): changes appended, folded in by the compactor, read together.
CREATE TABLE unit_day_tally (
    unit_code        TEXT   NOT NULL,
    day              DATE   NOT NULL,
    unit_region_code TEXT   NOT NULL,
    done_on_time     BIGINT NOT NULL,
    done_late        BIGINT NOT NULL,
    fell_overdue     BIGINT NOT NULL,
    PRIMARY KEY (unit_code, day)
);
CREATE INDEX unit_day_tally_day ON unit_day_tally (day, unit_region_code text_pattern_ops);
CREATE TABLE unit_day_change (
    id               BIGSERIAL PRIMARY KEY,
    unit_code        TEXT      NOT NULL,
    day              DATE      NOT NULL,
    unit_region_code TEXT      NOT NULL,
    done_on_time     INTEGER   NOT NULL,
    done_late        INTEGER   NOT NULL,
    fell_overdue     INTEGER   NOT NULL
);
-- what the clocks already say: steps done, and overdue marks on the day after the due date
INSERT INTO unit_day_tally (unit_code, day, unit_region_code, done_on_time, done_late, fell_overdue)
SELECT unit_code, day, min(unit_region_code), sum(on_time), sum(late), sum(overdue) FROM (
    SELECT unit_code, done_on AS day, unit_region_code,
           (status = 'ON_TIME')::int AS on_time, (status = 'LATE')::int AS late, 0 AS overdue
      FROM statutory_clock
     WHERE status IN ('ON_TIME', 'LATE') AND NOT petitioner_window AND done_on IS NOT NULL
    UNION ALL
    SELECT unit_code, due_on + 1, unit_region_code, 0, 0, 1
      FROM statutory_clock
     WHERE NOT petitioner_window
       AND (stage = 'OVERDUE' OR status = 'LATE')) t
 GROUP BY unit_code, day;
