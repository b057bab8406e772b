-- trainings: certificates per attendee present (a verification code checkable on the agency's public
-- site), and the outside courses a person attended (for the training record: hours per fiscal year).
CREATE TABLE trainings_certificates (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL,
  attendee_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),           -- as issued
  signer_name text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 200),
  signer_position text NOT NULL DEFAULT '' CHECK (length(signer_position) <= 200),
  issued_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, code),
  UNIQUE (org_id, session_id, attendee_id),
  FOREIGN KEY (org_id, session_id) REFERENCES trainings_sessions(org_id, id),
  FOREIGN KEY (org_id, attendee_id) REFERENCES trainings_attendees(org_id, id)
);
ALTER TABLE trainings_certificates ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_certificates USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE trainings_outside_courses (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  organiser text NOT NULL CHECK (length(organiser) BETWEEN 1 AND 300),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),   -- พ.ศ., of starts_on
  hours numeric(5,1) NOT NULL CHECK (hours > 0 AND hours <= 999),
  certificate_file_id uuid,                    -- platform files (PDF or image), private
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, person_id) REFERENCES people(org_id, id) ON DELETE CASCADE,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX trainings_outside_courses_person ON trainings_outside_courses (org_id, person_id, fiscal_year);
ALTER TABLE trainings_outside_courses ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_outside_courses USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
