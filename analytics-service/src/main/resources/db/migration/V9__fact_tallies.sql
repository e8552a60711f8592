-- Day tallies of the rates' facts (issue 6, docs/statistics.md "Speed"): every step, evaluation
-- window and petition counted by its day, its region cut to each level, and its state, kept with
-- the facts in the same transaction. A province's month is then a few hundred rows, not a million
-- facts. Whether an open step is overdue depends on the day asked, so it is kept as OPEN and
-- judged at query time.
CREATE TABLE fact_tally (
    kind        TEXT   NOT NULL, -- ACCEPT, HANDLE, EVALUATE (steps by due date), PETITION (by day received)
    region_code TEXT   NOT NULL, -- the fact's region cut to one level: 2, 4, 6 or 9 digits
    day         DATE   NOT NULL,
    bucket      TEXT   NOT NULL, -- steps: ON_TIME, LATE, OPEN; evaluations: the answer, UNANSWERED, OPEN; petitions: FIRST, REPEAT
    count       BIGINT NOT NULL,
    PRIMARY KEY (kind, region_code, day, bucket)
);
CREATE INDEX fact_tally_children ON fact_tally (kind, length(region_code), region_code text_pattern_ops, day);

INSERT INTO fact_tally (kind, region_code, day, bucket, count)
SELECT step, left(unit_region_code, l), due_on,
       CASE WHEN step = 'EVALUATE' THEN
              CASE WHEN outcome IS NOT NULL THEN outcome WHEN done_on IS NOT NULL THEN 'UNANSWERED' ELSE 'OPEN' END
            ELSE
              CASE WHEN done_on IS NULL THEN 'OPEN' WHEN on_time THEN 'ON_TIME' ELSE 'LATE' END
       END,
       count(*)
FROM step_fact CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l
WHERE step IN ('ACCEPT', 'HANDLE', 'EVALUATE') AND l <= length(unit_region_code)
GROUP BY 1, 2, 3, 4;

INSERT INTO fact_tally (kind, region_code, day, bucket, count)
SELECT 'PETITION', left(matter_region_code, l), day, CASE WHEN repeat THEN 'REPEAT' ELSE 'FIRST' END, count(*)
FROM petition_fact CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l
WHERE l <= length(matter_region_code)
GROUP BY 1, 2, 3, 4;
