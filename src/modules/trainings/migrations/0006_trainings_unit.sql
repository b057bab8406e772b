-- trainings: the unit that organises a session (the list filters by it).
ALTER TABLE trainings_sessions ADD COLUMN unit_id uuid;
CREATE INDEX trainings_sessions_unit ON trainings_sessions (org_id, unit_id);
