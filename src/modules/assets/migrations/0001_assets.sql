-- assets: the asset register (ทะเบียนครุภัณฑ์). Tenant table: org_id first in every key, row-level security.
CREATE TABLE asset_items (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  asset_no text NOT NULL CHECK (asset_no ~ '^[0-9]{3}-[0-9]{2}-[0-9]{4}$'), -- category–year–running, Arabic digits as stored
  category text NOT NULL CHECK (category IN ('office', 'computer', 'vehicle', 'electrical', 'household', 'advertising', 'construction', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  brand_model text NOT NULL DEFAULT '' CHECK (length(brand_model) <= 300),
  serial text NOT NULL DEFAULT '' CHECK (length(serial) <= 200),
  acquired_on date,
  price numeric(14, 2) CHECK (price >= 0),
  budget_source text NOT NULL DEFAULT '' CHECK (length(budget_source) <= 300),
  custodian_unit_id uuid,
  custodian_person_id uuid,
  location text NOT NULL DEFAULT '' CHECK (length(location) <= 300),
  condition text NOT NULL DEFAULT '' CHECK (length(condition) <= 1000),
  status text NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'damaged', 'pending_disposal', 'disposed')),
  lend_staff boolean NOT NULL DEFAULT false,
  lend_public boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, asset_no),
  FOREIGN KEY (org_id, custodian_unit_id) REFERENCES units (org_id, id),
  FOREIGN KEY (org_id, custodian_person_id) REFERENCES people (org_id, id)
);
CREATE INDEX asset_items_list ON asset_items (org_id, asset_no);
CREATE INDEX asset_items_name_trgm ON asset_items USING gin (name gin_trgm_ops);

ALTER TABLE asset_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON asset_items USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
