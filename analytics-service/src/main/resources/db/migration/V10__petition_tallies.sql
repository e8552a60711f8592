-- Day tallies of the petitions by every dimension the volumes and indicators count (issue 6,
-- docs/statistics.md "Speed"), and of the steps done with the days they took (the average days to
-- accept and to answer), kept with the facts in the same transaction.
CREATE TABLE petition_tally (
    region_code       TEXT     NOT NULL, -- the matter's region cut to one level
    day               DATE     NOT NULL, -- the day received
    channel           TEXT,
    category          TEXT,
    petition_class    TEXT,
    purpose           TEXT,
    repeat            BOOLEAN  NOT NULL,
    collective        BOOLEAN,
    registering_level SMALLINT,          -- digits of the registering office's region; null for a repeat receipt
    escalated         BOOLEAN  NOT NULL,
    count             BIGINT   NOT NULL,
    persons           BIGINT   NOT NULL,
    CONSTRAINT petition_tally_key UNIQUE NULLS NOT DISTINCT
        (region_code, day, channel, category, petition_class, purpose, repeat, collective,
         registering_level, escalated)
);
CREATE INDEX petition_tally_children ON petition_tally (length(region_code), region_code text_pattern_ops, day);

INSERT INTO petition_tally
SELECT left(matter_region_code, l), day, channel, category, petition_class, purpose, repeat,
       collective, length(registering_region), escalated, count(*), coalesce(sum(person_count), 0)
FROM petition_fact CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l
WHERE l <= length(matter_region_code)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;

-- Steps done: kind DONE:<step>, by the day done, bucket STEPS (how many) and DAYS (the calendar
-- days from their start, summed).
INSERT INTO fact_tally (kind, region_code, day, bucket, count)
SELECT 'DONE:' || step, left(unit_region_code, l), done_on, b.bucket,
       CASE b.bucket WHEN 'STEPS' THEN count(*) ELSE sum(done_on - started_on) END
FROM step_fact CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l CROSS JOIN (VALUES ('STEPS'), ('DAYS')) AS b(bucket)
WHERE step IN ('ACCEPT', 'HANDLE') AND done_on IS NOT NULL AND l <= length(unit_region_code)
GROUP BY 1, 2, 3, 4;
