-- 主办/协办 (issue 31, item 1): the units asked to assist the lead unit with a case. Each owes an
-- ASSIST step (case_step, by the day the lead set); while asked, it sees the case and finds it in
-- its queue. The tasks and contributions are texts of the case history.
ALTER TABLE petition_case ADD COLUMN assisting_units TEXT[] NOT NULL DEFAULT '{}';
