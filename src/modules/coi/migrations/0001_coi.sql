-- coi: declarations of interest per person (annual, on appointment to a committee, on a change),
-- the interests each declares, matters found when parties are checked against a committee, and the
-- annual round's due date. Tenant tables: org_id first in every key, row-level security.
-- Declarations are personal data (PDPA): who reads them is in README.md, every read is audited.
CREATE TABLE coi_declarations (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('annual', 'appointment', 'change')),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700), -- Buddhist era, from declared_on
  declared_on date NOT NULL,
  committee text CHECK (committee IN ('procurement', 'inspection')),   -- on appointment only
  committee_role text CHECK (committee_role IN ('chair', 'member', 'secretary')),
  project text CHECK (length(project) BETWEEN 1 AND 300),               -- project name or e-GP number
  bidders text NOT NULL DEFAULT '' CHECK (length(bidders) <= 3000),     -- the bidders checked, one a line
  no_interest boolean NOT NULL DEFAULT false,                           -- "ไม่มีส่วนได้เสีย" stated
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'acknowledged', 'more_info', 'withdrawn')),
  via text NOT NULL CHECK (via IN ('self', 'officer')),                 -- filed by the person, or recorded from paper
  review_note text NOT NULL DEFAULT '' CHECK (length(review_note) <= 2000),
  reviewed_by uuid,
  reviewed_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id),
  CHECK (kind <> 'appointment' OR (committee IS NOT NULL AND committee_role IS NOT NULL AND project IS NOT NULL))
);
CREATE INDEX coi_declarations_person ON coi_declarations (org_id, person_id, declared_on DESC);
CREATE INDEX coi_declarations_list ON coi_declarations (org_id, fiscal_year DESC, declared_on DESC);

CREATE TABLE coi_interests (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  declaration_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 0 AND 50),
  kind text NOT NULL CHECK (kind IN ('family', 'business', 'shareholding', 'outside_work', 'other_position')),
  relation text NOT NULL CHECK (relation IN ('self', 'spouse', 'child', 'parent', 'sibling', 'relative')),
  holder_name text NOT NULL DEFAULT '' CHECK (length(holder_name) <= 200),
  party_name text NOT NULL DEFAULT '' CHECK (length(party_name) <= 300),
  juristic_id text CHECK (juristic_id ~ '^[0-9]{13}$'),
  detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 1000),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, declaration_id, position),
  FOREIGN KEY (org_id, declaration_id) REFERENCES coi_declarations(org_id, id) ON DELETE CASCADE,
  CHECK (holder_name <> '' OR party_name <> '')
);
CREATE INDEX coi_interests_juristic ON coi_interests (org_id, juristic_id) WHERE juristic_id IS NOT NULL;

CREATE TABLE coi_matters (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  person_id uuid NOT NULL,
  declaration_id uuid,
  project text NOT NULL CHECK (length(project) BETWEEN 1 AND 300),
  party_name text NOT NULL CHECK (length(party_name) BETWEEN 1 AND 300),
  party_juristic_id text CHECK (party_juristic_id ~ '^[0-9]{13}$'),
  matched_by text NOT NULL CHECK (matched_by IN ('juristic_id', 'name')),
  interest_summary text NOT NULL DEFAULT '' CHECK (length(interest_summary) <= 1000),
  found_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution text CHECK (resolution IN ('recused', 'replaced', 'no_conflict')),
  resolution_note text NOT NULL DEFAULT '' CHECK (length(resolution_note) <= 2000),
  resolved_on date,
  resolved_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id),
  FOREIGN KEY (org_id, declaration_id) REFERENCES coi_declarations(org_id, id) ON DELETE SET NULL (declaration_id),
  CHECK (status <> 'resolved' OR (resolution IS NOT NULL AND resolved_on IS NOT NULL))
);
CREATE INDEX coi_matters_list ON coi_matters (org_id, fiscal_year DESC, found_on DESC);

CREATE TABLE coi_rounds (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  due_on date NOT NULL,
  opened_by uuid,
  opened_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, fiscal_year)
);

ALTER TABLE coi_declarations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coi_declarations USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE coi_interests ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coi_interests USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE coi_matters ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coi_matters USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE coi_rounds ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON coi_rounds USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
