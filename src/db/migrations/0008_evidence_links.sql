-- Evidence links: a record of any module (a portal document, meeting minutes …) linked as evidence
-- to a record of another (a measure activity, an indicator plan, an OIT item) for a fiscal year.
-- Modules declare what can be a source and a target in their manifests; no module imports another.
CREATE TABLE evidence_links (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source_type text NOT NULL CHECK (source_type ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
  source_id text NOT NULL CHECK (length(source_id) BETWEEN 1 AND 100),
  target_type text NOT NULL CHECK (target_type ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
  target_id text NOT NULL CHECK (length(target_id) BETWEEN 1 AND 100),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, target_type, target_id, source_type, source_id)
);
CREATE INDEX evidence_links_source ON evidence_links (org_id, source_type, source_id);
ALTER TABLE evidence_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON evidence_links USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
