-- trainings: sessions and their attendees (sign-up, sign-in sheet, QR self check-in).
-- Tenant tables: org_id first in every key, row-level security.
CREATE TABLE trainings_sessions (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 300),
  detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 10000),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),   -- พ.ศ., of starts_on
  hours numeric(5,1) NOT NULL CHECK (hours > 0 AND hours <= 999),
  trainer_kind text NOT NULL CHECK (trainer_kind IN ('inside', 'outside')),
  trainer_name text NOT NULL CHECK (length(trainer_name) BETWEEN 1 AND 300),
  trainer_org text NOT NULL DEFAULT '' CHECK (length(trainer_org) <= 300),
  mode text NOT NULL CHECK (mode IN ('onsite', 'online')),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 500),             -- a room, or the online meeting's name/address
  target_group text NOT NULL CHECK (length(target_group) BETWEEN 1 AND 500),
  budget numeric(12,2) CHECK (budget >= 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  published_at timestamptz,                    -- first publication: after it the session is withdrawn, never deleted
  withdrawn_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX trainings_sessions_list ON trainings_sessions (org_id, fiscal_year DESC, starts_on DESC);
CREATE INDEX trainings_sessions_topic_trgm ON trainings_sessions USING gin (topic gin_trgm_ops);
ALTER TABLE trainings_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_sessions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE trainings_attendees (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL,
  person_id uuid,                              -- a person of the directory; null for an outside attendee
  kind text NOT NULL DEFAULT 'staff' CHECK (kind IN ('staff', 'outside')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position text NOT NULL DEFAULT '' CHECK (length(position) <= 200),
  organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 300),
  status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'present', 'absent')),
  checked_in_at timestamptz,
  via text CHECK (via IN ('sheet', 'self')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, session_id) REFERENCES trainings_sessions(org_id, id) ON DELETE CASCADE,
  CHECK ((kind = 'staff') = (person_id IS NOT NULL))
);
CREATE UNIQUE INDEX trainings_attendees_person ON trainings_attendees (org_id, session_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX trainings_attendees_of ON trainings_attendees (org_id, session_id, kind, name);
ALTER TABLE trainings_attendees ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_attendees USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
