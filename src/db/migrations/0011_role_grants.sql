-- Separation of duties: a sensitive role (one that reads complaints, say) is granted only when a
-- second person confirms — an executive, or someone who already holds the role — never by the
-- agency admin who asked for it alone.
CREATE TABLE role_grants (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL REFERENCES roles(id),
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'refused')),
  decided_by uuid,
  decided_at timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX role_grants_one_pending ON role_grants (org_id, user_id, role) WHERE status = 'pending';
ALTER TABLE role_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON role_grants USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
