-- meetings: meetings with the Thai agenda order, attendance and minutes per agenda item.
-- Tenant tables: org_id first in every key, row-level security.
CREATE TABLE meetings (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('monthly', 'annual', 'community', 'committee', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  number integer NOT NULL CHECK (number BETWEEN 1 AND 999),     -- ครั้งที่ n/ปี, per kind and fiscal year
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  held_on date NOT NULL,
  starts_at text NOT NULL CHECK (starts_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
  unit_id uuid,
  chair_name text NOT NULL CHECK (length(chair_name) BETWEEN 1 AND 200),
  chair_position text NOT NULL DEFAULT '' CHECK (length(chair_position) <= 200),
  secretary_name text NOT NULL DEFAULT '' CHECK (length(secretary_name) <= 200),
  secretary_position text NOT NULL DEFAULT '' CHECK (length(secretary_position) <= 200),
  quorum integer CHECK (quorum BETWEEN 1 AND 10000),
  is_public boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'invited', 'held', 'adopted', 'cancelled')),
  invited_at timestamptz,
  started_at text CHECK (started_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  ended_at text CHECK (ended_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  opening text NOT NULL DEFAULT '' CHECK (length(opening) <= 5000),
  minute_taker_name text NOT NULL DEFAULT '' CHECK (length(minute_taker_name) <= 200),
  minute_taker_position text NOT NULL DEFAULT '' CHECK (length(minute_taker_position) <= 200),
  checker_name text NOT NULL DEFAULT '' CHECK (length(checker_name) <= 200),
  checker_position text NOT NULL DEFAULT '' CHECK (length(checker_position) <= 200),
  previous_id uuid,                              -- the meeting whose minutes agenda item 2 adopts
  adopted_by_id uuid,                            -- the meeting that adopted these minutes
  adopted_on date,
  corrections text NOT NULL DEFAULT '' CHECK (length(corrections) <= 5000),
  published_at timestamptz,
  withdrawn_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, kind, fiscal_year, number)
);
CREATE INDEX meetings_list ON meetings (org_id, fiscal_year DESC, held_on DESC);
CREATE INDEX meetings_title_trgm ON meetings USING gin (title gin_trgm_ops);
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meetings USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE meetings_agenda_items (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL,
  section integer NOT NULL CHECK (section BETWEEN 1 AND 6),   -- ระเบียบวาระที่ 1–6
  position integer NOT NULL CHECK (position BETWEEN 1 AND 999),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 10000),
  minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
  resolution text NOT NULL DEFAULT '' CHECK (length(resolution) <= 5000),
  standing text CHECK (standing IN ('do_dont', 'spending_plan', 'no_gift', 'asset_use', 'ethics')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, meeting_id) REFERENCES meetings(org_id, id) ON DELETE CASCADE
);
CREATE INDEX meetings_agenda_items_of ON meetings_agenda_items (org_id, meeting_id, section, position);
ALTER TABLE meetings_agenda_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meetings_agenda_items USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE meetings_attendees (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL,
  person_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position text NOT NULL DEFAULT '' CHECK (length(position) <= 200),
  kind text NOT NULL DEFAULT 'member' CHECK (kind IN ('member', 'outside')),
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'present', 'leave', 'absent')),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  checked_in_at timestamptz,
  via text CHECK (via IN ('door', 'self')),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, meeting_id) REFERENCES meetings(org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX meetings_attendees_person ON meetings_attendees (org_id, meeting_id, person_id) WHERE person_id IS NOT NULL;
ALTER TABLE meetings_attendees ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meetings_attendees USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
