-- Issue 28: 经办人, the staff member of the responsible unit who handles a case.
ALTER TABLE petition_case ADD COLUMN staff TEXT;
