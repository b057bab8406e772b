-- Complaint and whistleblowing channel. Everything a reporter wrote (text, contact details,
-- attachments and their names, messages, decision reasons) is stored only as AES-256-GCM blobs
-- under the agency's data key (org_data_keys, wrapped by the master key). Plain columns hold
-- category, status, dates and ids only: what the public statistics and the SLA clock need.
-- No column holds an IP address, a user agent or the reporter's account.

CREATE TABLE complaint_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
  sla jsonb NOT NULL DEFAULT '{}'::jsonb,            -- {category: {ack: days, close: days}}
  retention_years integer NOT NULL DEFAULT 10 CHECK (retention_years BETWEEN 1 AND 50),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE complaint_cases (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  case_no bigint GENERATED ALWAYS AS IDENTITY,
  category text NOT NULL CHECK (category IN ('corruption','bribery','misconduct','service','other')),
  channel text NOT NULL CHECK (channel IN ('web','paper','phone','in_person','email')),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received','screening','investigating','closed','referred')),
  outcome text CHECK (outcome IN ('substantiated','unsubstantiated','withdrawn')),
  referred_to text CHECK (referred_to IN ('nacc','pacc','damrongdhama','other_agency')),
  receipt_lookup text NOT NULL,       -- HMAC(app secret, org | first 8 digits of the receipt code)
  receipt_hash text NOT NULL,         -- argon2id of the whole code
  submission_key text,                -- HMAC of the form's one-time nonce: a resent form makes no second case
  data_key_id uuid NOT NULL,
  content bytea,                      -- encrypted JSON {subject, details, whenWhere, who}; NULL once purged
  contact bytea,                      -- encrypted JSON {name, phone, email}
  attachment_count integer NOT NULL DEFAULT 0,
  excluded_user_ids uuid[] NOT NULL DEFAULT '{}',   -- staff named in the report: never shown to them
  responsible_user_id uuid,
  received_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  ack_due_on date NOT NULL,
  close_due_on date NOT NULL,
  closed_at timestamptz,
  committee_appointed_at timestamptz,
  committee_deadline date,
  last_reminded_on date,
  purged_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, case_no),
  CHECK ((status = 'closed') = (outcome IS NOT NULL)),
  CHECK ((status = 'referred') = (referred_to IS NOT NULL)),
  CHECK (content IS NOT NULL OR purged_at IS NOT NULL)
);
CREATE INDEX complaint_cases_lookup ON complaint_cases (org_id, receipt_lookup);
CREATE UNIQUE INDEX complaint_cases_submission ON complaint_cases (org_id, submission_key) WHERE submission_key IS NOT NULL;
CREATE INDEX complaint_cases_status ON complaint_cases (org_id, status, received_at);

CREATE TABLE complaint_messages (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  author text NOT NULL CHECK (author IN ('reporter','staff')),
  author_user_id uuid,
  body bytea NOT NULL,                -- encrypted
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, case_id) REFERENCES complaint_cases(org_id, id) ON DELETE CASCADE,
  CHECK ((author = 'reporter') = (author_user_id IS NULL))
);
CREATE INDEX complaint_messages_case ON complaint_messages (org_id, case_id, created_at);

CREATE TABLE complaint_files (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  message_id uuid,
  kind text NOT NULL CHECK (kind IN ('evidence','message','minutes','findings')),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg','image/png','application/pdf')),
  size integer NOT NULL CHECK (size > 0),
  name bytea NOT NULL,                -- encrypted
  data bytea NOT NULL,                -- encrypted (metadata stripped before encryption)
  uploaded_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, case_id) REFERENCES complaint_cases(org_id, id) ON DELETE CASCADE
);
CREATE INDEX complaint_files_case ON complaint_files (org_id, case_id);

CREATE TABLE complaint_events (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  kind text NOT NULL CHECK (kind IN ('received','status','assigned','unassigned','committee','named')),
  from_status text,
  to_status text,
  outcome text,
  referred_to text,
  decided_on date,
  note bytea,                         -- encrypted reason
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, case_id) REFERENCES complaint_cases(org_id, id) ON DELETE CASCADE
);
CREATE INDEX complaint_events_case ON complaint_events (org_id, case_id, at);

CREATE TABLE complaint_assignments (
  org_id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('officer','executive','committee')),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by uuid,
  PRIMARY KEY (org_id, case_id, user_id),
  FOREIGN KEY (org_id, case_id) REFERENCES complaint_cases(org_id, id) ON DELETE CASCADE
);
CREATE INDEX complaint_assignments_user ON complaint_assignments (org_id, user_id);

ALTER TABLE complaint_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complaint_settings USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE complaint_cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complaint_cases USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE complaint_messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complaint_messages USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE complaint_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complaint_files USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE complaint_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complaint_events USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
ALTER TABLE complaint_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complaint_assignments USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
-- History is append-only for the app (retention clears only the encrypted note).
REVOKE DELETE, TRUNCATE ON complaint_events FROM prongsai_app;
