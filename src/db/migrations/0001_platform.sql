-- Platform layer: agencies (tenants), units, staff accounts, sessions, tokens, mail outbox, audit log.
-- The app connects as the non-owner role prongsai_app, so row-level security applies to it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'prongsai_app') THEN
    CREATE ROLE prongsai_app NOLOGIN;
  END IF;
END $$;
-- The connecting owner switches to the app role per connection (options=-c role=…).
DO $$ BEGIN
  EXECUTE format('GRANT prongsai_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- superusers need no membership
END $$;

-- The agency a transaction works for; '' or unset means "no agency" (platform scope).
CREATE OR REPLACE FUNCTION app_current_org() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;

GRANT USAGE ON SCHEMA public TO prongsai_app;
-- Tables and sequences created by later migrations are usable by the app role too;
-- a migration that needs less (e.g. append-only) revokes explicitly.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO prongsai_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO prongsai_app;

CREATE TABLE orgs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name_th text NOT NULL CHECK (length(name_th) BETWEEN 1 AND 200),
  name_en text,
  kind text NOT NULL CHECK (kind IN ('city_municipality','town_municipality','subdistrict_municipality','subdistrict_admin_org','provincial_admin_org')),
  province text NOT NULL,
  district text NOT NULL,
  subdistrict text,
  logo_file_id uuid,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name_th text NOT NULL CHECK (length(name_th) BETWEEN 1 AND 200),
  name_en text,
  kind text NOT NULL CHECK (kind IN ('office','division','section')),
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (id),
  UNIQUE (org_id, name_th)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid REFERENCES orgs(id) ON DELETE CASCADE, -- NULL: platform admin
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  position text,
  role text NOT NULL CHECK (role IN ('platform_admin','agency_admin','executive','officer','complaints_officer','viewer')),
  password_hash text,               -- NULL until an invited user sets one
  totp_secret bytea,                -- encrypted (AES-256-GCM) under the master key
  totp_enabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  lang text NOT NULL DEFAULT 'th' CHECK (lang IN ('th','en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'platform_admin') = (org_id IS NULL))
);
CREATE UNIQUE INDEX users_email_per_org ON users (coalesce(org_id, '00000000-0000-0000-0000-000000000000'::uuid), email);

CREATE TABLE user_units (
  org_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_id uuid NOT NULL,
  PRIMARY KEY (org_id, user_id, unit_id),
  FOREIGN KEY (org_id, unit_id) REFERENCES units(org_id, id) ON DELETE CASCADE
);

-- Looked up by token hash before the agency is known, so not tenant-scoped by RLS.
CREATE TABLE sessions (
  id text PRIMARY KEY,              -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,
  second_factor_pending boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE auth_tokens (
  id text PRIMARY KEY,              -- sha256 of the e-mailed token
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('password_reset','invite')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  error text
);
CREATE INDEX mail_outbox_created ON mail_outbox (created_at DESC);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  org_id uuid,                       -- NULL: platform-level event; one hash chain per org
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id uuid,
  actor_label text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_org_id ON audit_log (org_id, id DESC);
CREATE INDEX audit_log_org_action ON audit_log (org_id, action, at DESC);
-- Append-only for the app: it may add and read, never change or remove.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM prongsai_app;

-- Row-level security: a tenant table shows the app role only the current agency's rows.
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON units USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE user_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON user_units USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users USING (org_id IS NOT DISTINCT FROM app_current_org()) WITH CHECK (org_id IS NOT DISTINCT FROM app_current_org());
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log USING (org_id IS NOT DISTINCT FROM app_current_org()) WITH CHECK (org_id IS NOT DISTINCT FROM app_current_org());
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_outbox USING (org_id IS NOT DISTINCT FROM app_current_org() OR app_current_org() IS NULL) WITH CHECK (org_id IS NOT DISTINCT FROM app_current_org());

-- Per-agency wrapped data keys (envelope encryption: the master key never touches the DB).
CREATE TABLE org_data_keys (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  master_key_id text NOT NULL,
  wrapped_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (org_id, id)
);
ALTER TABLE org_data_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON org_data_keys USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
