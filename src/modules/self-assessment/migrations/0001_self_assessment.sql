-- self-assessment: IIT/EIT rounds an agency runs on itself. Tenant tables: org_id first in every key, row-level security.
-- The answers live in the surveys module (its anonymity guarantees); a round links its survey and
-- says which bank item (and sub-item) each survey question asks.
CREATE TABLE self_assessment_rounds (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700), -- Buddhist era: the ITA year predicted
  tool text NOT NULL CHECK (tool IN ('iit', 'eit')),
  survey_id uuid NOT NULL,
  framework_version integer NOT NULL,
  target integer NOT NULL CHECK (target BETWEEN 1 AND 100000),  -- answer sheets hoped for
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, fiscal_year, tool)
);
CREATE TABLE self_assessment_questions (
  org_id uuid NOT NULL,
  round_id uuid NOT NULL,
  question_id uuid NOT NULL,      -- surveys_questions.id
  item_code text NOT NULL CHECK (item_code ~ '^[ie][0-9]+$'),
  sub_index integer CHECK (sub_index >= 0),
  PRIMARY KEY (org_id, round_id, question_id),
  FOREIGN KEY (org_id, round_id) REFERENCES self_assessment_rounds (org_id, id) ON DELETE CASCADE
);

ALTER TABLE self_assessment_rounds ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON self_assessment_rounds USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE self_assessment_questions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON self_assessment_questions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
