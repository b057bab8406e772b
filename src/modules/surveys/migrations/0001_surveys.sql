-- surveys: service-satisfaction and staff surveys. Tenant tables: org_id first in every key, row-level security.
-- Anonymity by design (README): a response row holds no account, token, IP address or time finer
-- than the day; single-use links are rows deleted on use, in their own transaction; the daily
-- seal rewrites the responses of past days in random order, so neither ids nor xmin nor the
-- physical order tell the order of arrival.
CREATE TABLE surveys (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  intro text NOT NULL DEFAULT '' CHECK (length(intro) <= 5000),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700), -- Buddhist era
  unit_id uuid,                                  -- the unit that runs it (filters), if any
  access text NOT NULL DEFAULT 'open' CHECK (access IN ('open', 'device', 'link')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  closes_on date,                                -- the last day answers are taken (Bangkok)
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, fiscal_year, title)
);
CREATE INDEX surveys_list ON surveys (org_id, fiscal_year DESC, updated_at DESC);
CREATE INDEX surveys_title_trgm ON surveys USING gin (title gin_trgm_ops);

CREATE TABLE surveys_questions (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  position integer NOT NULL CHECK (position BETWEEN 1 AND 200),
  section text NOT NULL DEFAULT '' CHECK (length(section) <= 200),
  kind text NOT NULL CHECK (kind IN ('likert', 'single', 'multi', 'short', 'long')),
  text_th text NOT NULL CHECK (length(text_th) BETWEEN 1 AND 500),
  text_en text NOT NULL DEFAULT '' CHECK (length(text_en) <= 500),
  choices jsonb NOT NULL DEFAULT '[]',          -- [{ "th": …, "en": … }] for single / multi
  required boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, survey_id) REFERENCES surveys (org_id, id) ON DELETE CASCADE
);
CREATE INDEX surveys_questions_of ON surveys_questions (org_id, survey_id, position);

-- A service point (a counter) with its own QR code.
CREATE TABLE surveys_points (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position integer NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, survey_id, name),
  FOREIGN KEY (org_id, survey_id) REFERENCES surveys (org_id, id) ON DELETE CASCADE
);

-- One answer sheet. No created_at, no serial, no token, no account, no IP: only the day.
CREATE TABLE surveys_responses (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  point_id uuid,
  answered_on date NOT NULL,
  via text NOT NULL CHECK (via IN ('web', 'paper')),
  answers jsonb NOT NULL,
  sealed boolean NOT NULL DEFAULT false,         -- rewritten by the daily seal (random order, new ids)
  PRIMARY KEY (org_id, id)
  -- Deliberately no foreign key: a foreign-key check locks the survey's row (FOR KEY SHARE), which
  -- writes the answering transaction's id into that row's xmax, where anyone could read the time
  -- order of the last answer. Only drafts (which have no answers) are ever deleted.
);
CREATE INDEX surveys_responses_of ON surveys_responses (org_id, survey_id, answered_on);

-- Single-use links, issued in batches (a staff action); a link's row is deleted when used.
CREATE TABLE surveys_link_batches (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL,
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  issued integer NOT NULL CHECK (issued BETWEEN 1 AND 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, survey_id) REFERENCES surveys (org_id, id) ON DELETE CASCADE
);
CREATE TABLE surveys_links (
  org_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  survey_id uuid NOT NULL,
  batch_id uuid NOT NULL,
  PRIMARY KEY (org_id, token_hash),
  FOREIGN KEY (org_id, batch_id) REFERENCES surveys_link_batches (org_id, id) ON DELETE CASCADE
);

ALTER TABLE surveys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON surveys USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE surveys_questions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON surveys_questions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE surveys_points ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON surveys_points USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE surveys_responses ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON surveys_responses USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE surveys_link_batches ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON surveys_link_batches USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE surveys_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON surveys_links USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
