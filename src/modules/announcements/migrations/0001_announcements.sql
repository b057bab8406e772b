-- announcements: ประกาศ / คำสั่ง / มาตรการ / นโยบาย published to staff and the public, and the
-- staff's acknowledgement (รับทราบ). Tenant tables: org_id first in every key, row-level security.
CREATE TABLE announcements (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('announcement', 'order', 'measure', 'policy')),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
  signed_on date NOT NULL,                        -- ประกาศ ณ วันที่ / สั่ง ณ วันที่ (C.E.)
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700), -- of signed_on (B.E.)
  signer_name text NOT NULL DEFAULT '' CHECK (length(signer_name) <= 200),
  signer_position text NOT NULL DEFAULT '' CHECK (length(signer_position) <= 200),
  audience text NOT NULL DEFAULT 'both' CHECK (audience IN ('staff', 'public', 'both')),
  effective_on date,
  -- who is asked to acknowledge: nobody, every staff member, or the people of some units
  ack_scope text NOT NULL DEFAULT 'staff' CHECK (ack_scope IN ('none', 'staff', 'units')),
  ack_unit_ids uuid[] NOT NULL DEFAULT '{}',
  ack_due_on date,
  file_id uuid,                                   -- the signed scan (PDF), platform files
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  -- the number is given on publication: per kind and numbering year (see numbering.json), never reused
  number integer CHECK (number > 0),
  number_year integer CHECK (number_year BETWEEN 2500 AND 2700),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  published_at timestamptz,
  withdrawn_on date,
  withdrawn_reason text CHECK (length(withdrawn_reason) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, kind, number_year, number),
  CHECK ((status = 'draft') = (number IS NULL)),
  CHECK ((number IS NULL) = (number_year IS NULL))
);
CREATE INDEX announcements_list ON announcements (org_id, fiscal_year DESC, signed_on DESC);
CREATE INDEX announcements_subject_trgm ON announcements USING gin (subject gin_trgm_ops);

-- The last number given per kind and year, so a number is never given twice (even after a withdrawal).
CREATE TABLE announcement_counters (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  kind text NOT NULL,
  number_year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (org_id, kind, number_year)
);

-- Earlier texts of a revised announcement (the current text is on the announcement).
CREATE TABLE announcement_versions (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  announcement_id uuid NOT NULL,
  version integer NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  file_id uuid,
  change_note text NOT NULL DEFAULT '',
  replaced_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, announcement_id, version),
  FOREIGN KEY (org_id, announcement_id) REFERENCES announcements (org_id, id) ON DELETE CASCADE
);

-- Who is asked to acknowledge (fixed on publication and on each revision, from the people directory).
CREATE TABLE announcement_recipients (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  announcement_id uuid NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (org_id, announcement_id, person_id),
  FOREIGN KEY (org_id, announcement_id) REFERENCES announcements (org_id, id) ON DELETE CASCADE
);

-- One "รับทราบ" per person and version: signed in, through a single-use link, or on paper (recorded by staff).
CREATE TABLE announcement_acks (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  announcement_id uuid NOT NULL,
  version integer NOT NULL,
  person_id uuid NOT NULL,
  via text NOT NULL CHECK (via IN ('account', 'link', 'paper')),
  user_id uuid,
  recorded_by uuid,
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, announcement_id, version, person_id),
  FOREIGN KEY (org_id, announcement_id) REFERENCES announcements (org_id, id) ON DELETE CASCADE
);

ALTER TABLE announcements ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcements USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE announcement_counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcement_counters USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE announcement_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcement_versions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE announcement_recipients ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcement_recipients USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE announcement_acks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON announcement_acks USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
