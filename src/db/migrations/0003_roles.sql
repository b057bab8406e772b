-- Roles are data, not a CHECK constraint: the platform and each module declare theirs in their
-- manifest, and src/db/migrate.ts writes them here after the migrations (so a module adds a role
-- without touching a platform migration). Accounts reference a known role.

CREATE TABLE roles (
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]{1,40}$'),
  module text NOT NULL,
  sensitive boolean NOT NULL DEFAULT false,
  label_th text NOT NULL,
  label_en text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Roles already held by accounts (from before this migration) exist until the manifests' sync names them.
INSERT INTO roles (id, module, label_th, label_en)
  SELECT DISTINCT role, 'platform', role, role FROM users
  ON CONFLICT (id) DO NOTHING;
INSERT INTO roles (id, module, label_th, label_en) VALUES ('platform_admin', 'platform', 'ผู้ดูแลระบบกลาง', 'Platform administrator')
  ON CONFLICT (id) DO NOTHING;

ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_fkey FOREIGN KEY (role) REFERENCES roles (id) ON UPDATE CASCADE;

-- The app reads roles; only migrations (the owner) change them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON roles FROM prongsai_app;
GRANT SELECT ON roles TO prongsai_app;
