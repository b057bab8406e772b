-- People: the agency's personnel, with or without a login account. Modules ask "every active
-- person of unit X", "the head of X", "the supervisor of P" (acknowledgements, declarations, nil
-- returns, trainings). An account (users) may be linked to one person of its agency.
CREATE TABLE people (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  position text CHECK (length(position) <= 200),
  -- local_official: พนักงานเทศบาล / พนักงานส่วนตำบล (ข้าราชการส่วนท้องถิ่น); permanent_employee:
  -- ลูกจ้างประจำ; contract_employee: พนักงานจ้าง; executive: ผู้บริหาร; council_member: สมาชิกสภา
  kind text NOT NULL CHECK (kind IN ('local_official', 'permanent_employee', 'contract_employee', 'executive', 'council_member')),
  email text CHECK (length(email) <= 254),
  phone text CHECK (length(phone) <= 50),
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  supervisor_id uuid,
  active_from date,
  active_until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  CHECK (active_until IS NULL OR active_from IS NULL OR active_until >= active_from),
  CHECK (supervisor_id IS NULL OR supervisor_id <> id),
  FOREIGN KEY (org_id, supervisor_id) REFERENCES people(org_id, id) ON DELETE SET NULL (supervisor_id)
);
-- One person per account, per agency.
CREATE UNIQUE INDEX people_user ON people (org_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX people_name ON people (org_id, full_name);

CREATE TABLE person_units (
  org_id uuid NOT NULL,
  person_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  PRIMARY KEY (org_id, person_id, unit_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, unit_id) REFERENCES units(org_id, id) ON DELETE CASCADE
);
CREATE INDEX person_units_unit ON person_units (org_id, unit_id);

-- The head of a unit (หัวหน้าส่วนราชการ / ผู้อำนวยการกอง / หัวหน้างาน).
ALTER TABLE units ADD COLUMN head_person_id uuid;
ALTER TABLE units ADD FOREIGN KEY (org_id, head_person_id) REFERENCES people(org_id, id) ON DELETE SET NULL (head_person_id);

-- An XLSX import waiting for confirmation: the preview changes nothing, confirming applies these rows.
CREATE TABLE people_imports (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  rows jsonb NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  PRIMARY KEY (org_id, id)
);

-- Single-use links for people without an account (to acknowledge a document, answer a
-- declaration …), mailed or printed as QR. Only a hash of the token is stored.
CREATE TABLE person_links (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  token_hash bytea NOT NULL UNIQUE,
  person_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$'),
  ref text NOT NULL CHECK (length(ref) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, purpose, ref, person_id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id) ON DELETE CASCADE
);

ALTER TABLE people ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON people USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE person_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON person_units USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE people_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON people_imports USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE person_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON person_links USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
