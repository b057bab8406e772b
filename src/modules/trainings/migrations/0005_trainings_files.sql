-- trainings: a session's materials (handouts, slides) and photos (for the training report), stored
-- as private platform files.
CREATE TABLE trainings_files (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL,
  file_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('material', 'photo')),
  caption text NOT NULL DEFAULT '' CHECK (length(caption) <= 300),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, session_id) REFERENCES trainings_sessions(org_id, id) ON DELETE CASCADE
);
CREATE INDEX trainings_files_of ON trainings_files (org_id, session_id, kind, created_at);
ALTER TABLE trainings_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_files USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
