-- Safe score changes (issue 15): a score sheet is read into a pending import and shown as a
-- preview (old → new per cell) before anything changes; every change of a year's scores is kept
-- as one change set (who, when, old → new per cell), so the last import can be undone.

-- A read, not yet applied score sheet: what it would set. Tenant-scoped, keyed by a random id,
-- for the account that uploaded it, and expiring (expired rows are removed when the next sheet is
-- read). `status`: pending → applied → undone (or cancelled).
CREATE TABLE ita_score_imports (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  file_name text NOT NULL DEFAULT '' CHECK (length(file_name) <= 300),
  -- { "scores": { "1": 93.59, … }, "oitAnswers": { "O1": true, … } }
  data jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','applied','undone','cancelled')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  applied_at timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX ita_score_imports_year ON ita_score_imports (org_id, fiscal_year, created_at);

-- One change of a year's scores (the form, an import, an undo, the DOCX importer): its cells.
CREATE TABLE ita_score_changes (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  source text NOT NULL CHECK (source IN ('form','import','undo','docx')),
  import_id uuid,
  -- [{ "item": "1" | "O1" | "tool_iit", "old": "80.00" | "yes" | null, "new": … }]
  cells jsonb NOT NULL,
  changed_by uuid,
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, import_id) REFERENCES ita_score_imports(org_id, id) ON DELETE SET NULL (import_id)
);
CREATE INDEX ita_score_changes_year ON ita_score_changes (org_id, fiscal_year, changed_at DESC);

ALTER TABLE ita_score_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_score_imports USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE ita_score_changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_score_changes USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
-- The history is a record: the app adds to it, never rewrites it.
REVOKE UPDATE, DELETE ON ita_score_changes FROM prongsai_app;
