-- manuals: คู่มือการปฏิบัติงาน / คู่มือการให้บริการ of a unit, in versions: a draft is approved by
-- the executive and then is the version in force; a new version keeps the old ones (what changed).
CREATE TABLE manuals (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('operation', 'service')),
  unit_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  audience text NOT NULL DEFAULT 'public' CHECK (audience IN ('public', 'staff')),
  -- the unit's staff are asked to acknowledge each approved version
  ack_required boolean NOT NULL DEFAULT true,
  -- the approved version in force; null until the first approval
  current_version integer CHECK (current_version > 0),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, unit_id) REFERENCES units (org_id, id)
);
CREATE INDEX manuals_unit ON manuals (org_id, unit_id, kind);

CREATE TABLE manual_versions (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  manual_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 50000),
  file_id uuid,                                   -- the manual as a PDF, platform files
  effective_on date NOT NULL,                     -- วันที่มีผลใช้ (C.E.)
  next_review_on date NOT NULL,                   -- วันที่ต้องทบทวน (a deadline once approved)
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700), -- of effective_on (B.E.)
  change_note text NOT NULL DEFAULT '' CHECK (length(change_note) <= 1000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'superseded')),
  approved_by uuid,
  approved_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, manual_id, version),
  FOREIGN KEY (org_id, manual_id) REFERENCES manuals (org_id, id) ON DELETE CASCADE,
  CHECK (next_review_on > effective_on),
  CHECK ((status = 'draft') = (approved_at IS NULL))
);
-- at most one draft per manual (a new version waiting for approval)
CREATE UNIQUE INDEX manual_versions_one_draft ON manual_versions (org_id, manual_id) WHERE status = 'draft';

-- One "รับทราบ" per person and approved version.
CREATE TABLE manual_acks (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  manual_id uuid NOT NULL,
  version integer NOT NULL,
  person_id uuid NOT NULL,
  via text NOT NULL CHECK (via IN ('account', 'paper')),
  user_id uuid,
  recorded_by uuid,
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, manual_id, version, person_id),
  FOREIGN KEY (org_id, manual_id) REFERENCES manuals (org_id, id) ON DELETE CASCADE
);

ALTER TABLE manuals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON manuals USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE manual_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON manual_versions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE manual_acks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON manual_acks USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
