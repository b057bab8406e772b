-- OIT disclosure: per-item staff notes (explanation, owner, due date, extra evidence URLs) and
-- the link monitor's latest result per URL.

CREATE TABLE oit_item_notes (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  item_code text NOT NULL CHECK (item_code ~ '^O[0-9]{1,3}$'),
  explanation text NOT NULL DEFAULT '' CHECK (length(explanation) <= 4000),
  owner_unit_id uuid,
  due_date date,
  extra_urls text[] NOT NULL DEFAULT '{}',
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, fiscal_year, item_code),
  FOREIGN KEY (org_id, owner_unit_id) REFERENCES units(org_id, id) ON DELETE SET NULL (owner_unit_id)
);

CREATE TABLE link_checks (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  url text NOT NULL,
  ok boolean NOT NULL,
  status integer,
  ms integer,
  error text,
  checked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, url)
);

ALTER TABLE oit_item_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON oit_item_notes USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE link_checks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON link_checks USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
