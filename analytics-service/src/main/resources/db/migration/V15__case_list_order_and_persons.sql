-- Issue 6 bench, third run. (1) The province's list of the cases behind a bucket took 600 ms:
-- in due-date order it still sorted a whole day of the province's steps (about 100,000) by case
-- number. With the case number in the index after the day, the first 50 come in index order, at
-- every level, the region still checked in the index.
DROP INDEX step_fact_due;
CREATE INDEX step_fact_due ON step_fact (step, due_on, case_number, unit_region_code text_pattern_ops);
DROP INDEX petition_fact_day;
CREATE INDEX petition_fact_day ON petition_fact (day, case_number, matter_region_code text_pattern_ops);

-- (2) Totals and child regions of the volumes added up every combination of the other
-- dimensions in petition_tally (a province's month and the two periods compared: some 150,000
-- rows). They are now read from the region day tallies: the petitions (kind PETITION, as the
-- rates have them) and, new, the persons of a region and day (kind PERSONS).
INSERT INTO fact_tally (kind, region_code, day, bucket, count)
SELECT 'PERSONS', left(matter_region_code, l), day, 'PERSONS', sum(person_count)
FROM petition_fact CROSS JOIN unnest(ARRAY[2, 4, 6, 9]) AS l
WHERE l <= length(matter_region_code) AND person_count > 0
GROUP BY 2, 3;
