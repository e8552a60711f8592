-- Volumes by channel, category, class and purpose (issue 6): each petition fact carries what
-- the event said of it. Registrations give the number of persons; a repeat receipt does not.
ALTER TABLE petition_fact ADD COLUMN channel TEXT;
ALTER TABLE petition_fact ADD COLUMN category TEXT;
ALTER TABLE petition_fact ADD COLUMN petition_class TEXT;
ALTER TABLE petition_fact ADD COLUMN purpose TEXT;
ALTER TABLE petition_fact ADD COLUMN person_count INTEGER;
