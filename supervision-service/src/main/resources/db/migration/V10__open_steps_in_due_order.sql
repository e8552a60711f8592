-- GET /clocks for a region, soonest due first, read in index order at every level (bench/run
-- dashboards, 10 million open steps): the province and a city walk the open steps by due date,
-- a county its own (by the first six digits of the unit's region), a township its own.
CREATE INDEX statutory_clock_open_due ON statutory_clock (due_on, id) WHERE status = 'OPEN';
CREATE INDEX statutory_clock_county_open_due
    ON statutory_clock (left(unit_region_code, 6), due_on, id) WHERE status = 'OPEN';
CREATE INDEX statutory_clock_region_open_due
    ON statutory_clock (unit_region_code, due_on, id) WHERE status = 'OPEN';
-- replaced by the above: fewer indexes to write with every clock
DROP INDEX statutory_clock_due;
DROP INDEX statutory_clock_region;
