-- risks: an agency's own level bands per fiscal year (the module's default bands are not from a
-- primary source, so each agency may set its own). Tenant table: org_id first, row-level security.
CREATE TABLE risks_bands (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  low_max integer NOT NULL,
  medium_max integer NOT NULL,
  high_max integer NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, fiscal_year),
  CHECK (1 <= low_max AND low_max < medium_max AND medium_max < high_max AND high_max < 25)
);
ALTER TABLE risks_bands ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON risks_bands USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
