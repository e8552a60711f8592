-- Issue 28: a unit's work queue (待办) is its open steps, soonest due first; the case list's
-- default order is newest receipt first.
CREATE INDEX case_step_open_by_unit ON case_step (unit_code, due_on) WHERE done_on IS NULL;
CREATE INDEX petition_case_received ON petition_case (received_on DESC, case_number DESC);
