-- ITA assessments: framework versions (platform), scores per agency and year, analysis and
-- improvement plans per indicator, their progress log, and evidence links (files / URLs).

-- Corrections or new years of the framework, entered by a platform admin. Version 1 of a year
-- is the built-in file data/frameworks/<year>.json; rows here are versions 2, 3, …
CREATE TABLE ita_framework_versions (
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  version integer NOT NULL CHECK (version >= 2),
  framework jsonb NOT NULL,
  note text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fiscal_year, version)
);
-- Shared reference data: every agency reads it; only platform scope (no agency set) writes.
ALTER TABLE ita_framework_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON ita_framework_versions FOR SELECT USING (true);
CREATE POLICY platform_insert ON ita_framework_versions FOR INSERT WITH CHECK (app_current_org() IS NULL);
REVOKE UPDATE, DELETE ON ita_framework_versions FROM prongsai_app;

CREATE TABLE ita_assessments (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  framework_version integer NOT NULL CHECK (framework_version >= 1),
  -- Optional tool scores as published by NACC (else computed from the indicators).
  tool_scores jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Optional OIT item answers: { "O1": true, … }.
  oit_answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, fiscal_year)
);

CREATE TABLE ita_indicator_scores (
  org_id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  indicator integer NOT NULL CHECK (indicator BETWEEN 1 AND 99),
  score numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
  PRIMARY KEY (org_id, assessment_id, indicator),
  FOREIGN KEY (org_id, assessment_id) REFERENCES ita_assessments(org_id, id) ON DELETE CASCADE
);

CREATE TABLE ita_indicator_plans (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  indicator integer NOT NULL CHECK (indicator BETWEEN 1 AND 99),
  -- The indicator's name as the agency writes it (else the framework's).
  indicator_name text,
  strengths text NOT NULL DEFAULT '',
  weaknesses text NOT NULL DEFAULT '',
  guidelines jsonb NOT NULL DEFAULT '[]'::jsonb,
  unit_ids uuid[] NOT NULL DEFAULT '{}',
  responsible_text text NOT NULL DEFAULT '',
  period text NOT NULL DEFAULT '',
  progress jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text CHECK (status IN ('done','in_progress','not_started')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, fiscal_year, indicator)
);

CREATE TABLE ita_plan_progress (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  entry_date date NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, plan_id) REFERENCES ita_indicator_plans(org_id, id) ON DELETE CASCADE
);

-- Evidence for an activity (measures module), a progress entry or an indicator plan.
CREATE TABLE ita_evidence (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  target_kind text NOT NULL CHECK (target_kind IN ('activity','progress','indicator')),
  target_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  file_id uuid,
  url text CHECK (url ~ '^https?://'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, file_id) REFERENCES files(org_id, id) ON DELETE CASCADE,
  CHECK ((file_id IS NULL) <> (url IS NULL))
);
CREATE INDEX ita_evidence_target ON ita_evidence (org_id, target_kind, target_id);

ALTER TABLE ita_assessments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_assessments USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE ita_indicator_scores ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_indicator_scores USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE ita_indicator_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_indicator_plans USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE ita_plan_progress ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_plan_progress USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE ita_evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_evidence USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
