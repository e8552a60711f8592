-- Issue 28: what a region's units owe, for the supervisors over it (GET /queue?region=).
CREATE INDEX case_step_open_by_region ON case_step (unit_region_code text_pattern_ops, due_on)
    WHERE done_on IS NULL;
