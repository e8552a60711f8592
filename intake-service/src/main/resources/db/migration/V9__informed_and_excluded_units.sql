-- 三跨三分离: the 信访 offices informed of a case whose petitioners live or are registered elsewhere.
ALTER TABLE petition_case ADD COLUMN informed_units TEXT[] NOT NULL DEFAULT '{}';
-- An accusation's accused units and every unit inside their departments, as routing found them:
-- the case never reaches one of them (Art 30(3)).
ALTER TABLE petition_case ADD COLUMN excluded_units TEXT[] NOT NULL DEFAULT '{}';
