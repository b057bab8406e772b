-- Public portal: agency profile, news and announcements (with attachments and scheduled
-- publishing), document library, executives, public Q&A. Public readers see only published rows
-- (filtered in the service); RLS keeps every agency to itself.

CREATE TABLE portal_profiles (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  history_md text NOT NULL DEFAULT '',
  vision_md text NOT NULL DEFAULT '',
  duties_md text NOT NULL DEFAULT '',
  accessibility_md text NOT NULL DEFAULT '',
  privacy_md text NOT NULL DEFAULT '',
  cookies_md text NOT NULL DEFAULT '',
  map_url text,
  survey_url text,
  social_links jsonb NOT NULL DEFAULT '[]'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id)
);

CREATE TABLE portal_posts (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  category text NOT NULL CHECK (category IN ('announcement','procurement','pr')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body_md text NOT NULL DEFAULT '' CHECK (length(body_md) <= 50000),
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft','published')),
  publish_at timestamptz NOT NULL DEFAULT now(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  oit_codes text[] NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  search_tsv tsvector NOT NULL DEFAULT ''::tsvector,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (id)
);
CREATE INDEX portal_posts_public ON portal_posts (org_id, status, publish_at DESC);
CREATE INDEX portal_posts_trgm ON portal_posts USING gin (search_text gin_trgm_ops);
CREATE INDEX portal_posts_tsv ON portal_posts USING gin (search_tsv);

CREATE TABLE portal_documents (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  category text NOT NULL CHECK (category IN ('plan','report','manual','law','other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description_md text NOT NULL DEFAULT '' CHECK (length(description_md) <= 20000),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  file_id uuid,
  url text CHECK (url IS NULL OR url ~ '^https?://'),
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft','published')),
  published_at timestamptz NOT NULL DEFAULT now(),
  oit_codes text[] NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  search_tsv tsvector NOT NULL DEFAULT ''::tsvector,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (id),
  FOREIGN KEY (org_id, file_id) REFERENCES files(org_id, id) ON DELETE SET NULL (file_id)
);
CREATE INDEX portal_documents_public ON portal_documents (org_id, category, fiscal_year DESC);
CREATE INDEX portal_documents_trgm ON portal_documents USING gin (search_text gin_trgm_ops);
CREATE INDEX portal_documents_tsv ON portal_documents USING gin (search_tsv);

CREATE TABLE portal_post_files (
  org_id uuid NOT NULL,
  post_id uuid NOT NULL,
  file_id uuid NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, post_id, file_id),
  FOREIGN KEY (org_id, post_id) REFERENCES portal_posts(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, file_id) REFERENCES files(org_id, id) ON DELETE CASCADE
);

CREATE TABLE portal_executives (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position text NOT NULL CHECK (length(position) BETWEEN 1 AND 200),
  branch text NOT NULL DEFAULT 'political' CHECK (branch IN ('political','permanent')),
  phone text,
  email text,
  photo_file_id uuid,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, photo_file_id) REFERENCES files(org_id, id) ON DELETE SET NULL (photo_file_id)
);

CREATE TABLE portal_questions (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  asker_name text NOT NULL CHECK (length(asker_name) BETWEEN 1 AND 100),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
  answer_md text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','published','hidden')),
  answered_by uuid,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX portal_questions_public ON portal_questions (org_id, status, created_at DESC);

ALTER TABLE portal_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_profiles USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE portal_posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_posts USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE portal_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_documents USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE portal_post_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_post_files USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE portal_executives ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_executives USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE portal_questions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON portal_questions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
