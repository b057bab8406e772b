-- Measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใส) per agency and fiscal year, their activities,
-- and per-year report settings (introduction, signatories).

CREATE TABLE ita_measures (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  sort_order integer NOT NULL DEFAULT 0,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  indicator_numbers integer[] NOT NULL DEFAULT '{}',
  oit_codes text[] NOT NULL DEFAULT '{}',
  steps jsonb NOT NULL DEFAULT '[]'::jsonb,
  period_kind text NOT NULL DEFAULT 'fiscal_year' CHECK (period_kind IN ('fiscal_year','range')),
  period_start date,
  period_end date,
  period_text text NOT NULL DEFAULT '',
  unit_ids uuid[] NOT NULL DEFAULT '{}',
  responsible_text text NOT NULL DEFAULT '',
  result_summary jsonb NOT NULL DEFAULT '[]'::jsonb,
  outcome jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved')),
  approved_by uuid,
  approved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  CHECK (period_kind = 'fiscal_year' OR (period_start IS NOT NULL AND period_end IS NOT NULL AND period_start <= period_end))
);
CREATE INDEX ita_measures_year ON ita_measures (org_id, fiscal_year, sort_order);

CREATE TABLE ita_activities (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  starts_on date,
  ends_on date,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('done','in_progress','not_started')),
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, measure_id) REFERENCES ita_measures(org_id, id) ON DELETE CASCADE
);

CREATE TABLE ita_report_settings (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  introduction jsonb NOT NULL DEFAULT '[]'::jsonb,
  reporter_name text NOT NULL DEFAULT '',
  reporter_position text NOT NULL DEFAULT '',
  executive_name text NOT NULL DEFAULT '',
  executive_position text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, fiscal_year)
);

ALTER TABLE ita_measures ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_measures USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE ita_activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_activities USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE ita_report_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_report_settings USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
