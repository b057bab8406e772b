-- risks: the corruption-risk register per fiscal year, its controls (measures) and monitoring rounds.
-- Tenant tables: org_id first in every key, row-level security.
CREATE TABLE risks_items (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700), -- Buddhist era
  seq integer NOT NULL CHECK (seq BETWEEN 1 AND 9999),                     -- R1, R2 … per year
  area text NOT NULL CHECK (area IN ('permits', 'procurement', 'assets', 'personnel', 'budget', 'revenue', 'service', 'other')),
  process text NOT NULL CHECK (length(process) BETWEEN 1 AND 300),
  event text NOT NULL CHECK (length(event) BETWEEN 1 AND 1000),
  cause text NOT NULL DEFAULT '' CHECK (length(cause) <= 2000),
  likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
  existing_controls text NOT NULL DEFAULT '' CHECK (length(existing_controls) <= 3000),
  indicator text NOT NULL DEFAULT '' CHECK (length(indicator) <= 500),
  target text NOT NULL DEFAULT '' CHECK (length(target) <= 500),
  residual_likelihood integer CHECK (residual_likelihood BETWEEN 1 AND 5),
  residual_impact integer CHECK (residual_impact BETWEEN 1 AND 5),
  owner_unit_id uuid,                             -- a unit of the agency (no foreign key: a unit may be removed later)
  review_on date,                                 -- the next review: a platform deadline
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  published_at timestamptz,
  withdrawn_at timestamptz,
  copied_from uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, fiscal_year, seq),
  CHECK ((residual_likelihood IS NULL) = (residual_impact IS NULL))
);
CREATE INDEX risks_items_list ON risks_items (org_id, fiscal_year DESC, seq);
CREATE INDEX risks_items_event_trgm ON risks_items USING gin (event gin_trgm_ops);
ALTER TABLE risks_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON risks_items USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

-- A measure of the measures module (same agency, same fiscal year) that works as a control of a risk.
CREATE TABLE risks_controls (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  risk_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  measure_title text NOT NULL CHECK (length(measure_title) BETWEEN 1 AND 1000), -- as linked, to keep the link when copying a year
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, risk_id, measure_id),
  FOREIGN KEY (org_id, risk_id) REFERENCES risks_items(org_id, id) ON DELETE CASCADE
);
ALTER TABLE risks_controls ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON risks_controls USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

-- One monitoring round (6 or 12 months) of one risk.
CREATE TABLE risks_monitoring (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  risk_id uuid NOT NULL,
  round integer NOT NULL CHECK (round IN (6, 12)),
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'occurred')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 3000),
  recorded_on date NOT NULL,
  recorded_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, risk_id, round),
  FOREIGN KEY (org_id, risk_id) REFERENCES risks_items(org_id, id) ON DELETE CASCADE
);
ALTER TABLE risks_monitoring ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON risks_monitoring USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
