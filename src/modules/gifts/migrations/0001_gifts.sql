-- gifts: the gift register, nil returns per person and half-year, and the six-monthly reports.
-- Tenant tables: org_id first in every key, row-level security. People are the platform's.
CREATE TABLE gifts_records (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  received_on date NOT NULL,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700), -- Buddhist era, from received_on
  half smallint NOT NULL CHECK (half IN (1, 2)),                          -- 1 = ต.ค.–มี.ค., 2 = เม.ย.–ก.ย.
  giver text NOT NULL CHECK (length(giver) BETWEEN 1 AND 300),
  relation text NOT NULL CHECK (relation IN ('relative', 'public', 'stakeholder', 'juristic')),
  general_giving boolean NOT NULL DEFAULT false,                          -- given to people in general, not aimed at one
  occasion text NOT NULL CHECK (length(occasion) BETWEEN 1 AND 200),
  customary boolean NOT NULL DEFAULT true,                                -- a festival or customary occasion
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  value_baht numeric(12, 2) NOT NULL CHECK (value_baht >= 0),
  action text NOT NULL CHECK (action IN ('kept', 'declined', 'returned', 'handed_over')),
  handed_to text CHECK (length(handed_to) <= 300),
  handed_on date,
  reported_to uuid,                                                       -- the person the gift was reported to
  reported_on date,
  decision text CHECK (length(decision) <= 2000),
  photo_file_id uuid,                                                     -- a photo or receipt of the gift (platform files)
  handover_file_id uuid,                                                  -- the signed hand-over form
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  -- what the year's rule file made of it when saved ('no_rule' when no file exists for the year)
  assessment text NOT NULL CHECK (assessment IN ('relative', 'general', 'within', 'over', 'no_rule')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id),
  FOREIGN KEY (org_id, reported_to) REFERENCES people(org_id, id) ON DELETE SET NULL (reported_to),
  FOREIGN KEY (org_id, photo_file_id) REFERENCES files(org_id, id) ON DELETE SET NULL (photo_file_id),
  FOREIGN KEY (org_id, handover_file_id) REFERENCES files(org_id, id) ON DELETE SET NULL (handover_file_id),
  CHECK (action <> 'handed_over' OR (handed_to IS NOT NULL AND handed_on IS NOT NULL))
);
CREATE INDEX gifts_records_list ON gifts_records (org_id, fiscal_year DESC, received_on DESC);
CREATE INDEX gifts_records_person ON gifts_records (org_id, person_id, fiscal_year, half);
CREATE INDEX gifts_records_giver_trgm ON gifts_records USING gin (giver gin_trgm_ops);

CREATE TABLE gifts_nil_returns (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  half smallint NOT NULL CHECK (half IN (1, 2)),
  via text NOT NULL CHECK (via IN ('account', 'link', 'officer')),
  filed_by uuid,                                                          -- the account, when not by link
  filed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, person_id, fiscal_year, half),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id) ON DELETE CASCADE
);

CREATE TABLE gifts_reports (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  half smallint NOT NULL CHECK (half IN (1, 2)),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 5000),           -- ผลการดำเนินงาน in the agency's words
  summary jsonb,                                                          -- the public figures, frozen at publication
  responsible uuid,                                                       -- the account that prepares it
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, fiscal_year, half),
  CHECK (status <> 'published' OR (summary IS NOT NULL AND published_at IS NOT NULL))
);

ALTER TABLE gifts_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON gifts_records USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE gifts_nil_returns ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON gifts_nil_returns USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE gifts_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON gifts_reports USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
