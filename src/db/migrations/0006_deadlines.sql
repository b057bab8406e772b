-- Deadlines: dated obligations a module registers for one of its records (a complaint's SLA, an
-- activity's end date, a gift report every six months …). One row per (module, kind, ref); the
-- module closes it when its record says the work is done. Assignees are accounts of the agency.
CREATE TABLE deadlines (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  module text NOT NULL,
  kind text NOT NULL,
  ref text NOT NULL,
  title_th text NOT NULL CHECK (length(title_th) BETWEEN 1 AND 300),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
  href text NOT NULL CHECK (href ~ '^/'),          -- under /o/<slug>/admin
  due_on date NOT NULL,
  visible_to text,                                  -- a permission: who sees it in the agency-wide list
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, module, kind, ref)
);
CREATE INDEX deadlines_open ON deadlines (org_id, due_on) WHERE done_at IS NULL;

CREATE TABLE deadline_assignees (
  org_id uuid NOT NULL,
  deadline_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, deadline_id, user_id),
  FOREIGN KEY (org_id, deadline_id) REFERENCES deadlines(org_id, id) ON DELETE CASCADE
);
CREATE INDEX deadline_assignees_user ON deadline_assignees (org_id, user_id);

-- One digest a person a day, whichever process sends it.
CREATE TABLE deadline_digests (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  day date NOT NULL,
  items integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id, day)
);

ALTER TABLE deadlines ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON deadlines USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE deadline_assignees ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON deadline_assignees USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE deadline_digests ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON deadline_digests USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
