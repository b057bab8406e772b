-- trainings: the question bank, each session's test (the same questions before and after), the
-- answers to the pre- and post-test (scored when submitted) and the evaluation (Likert 1–5).
CREATE TABLE trainings_questions (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  subject text NOT NULL DEFAULT '' CHECK (length(subject) <= 200),     -- a group in the bank, e.g. ผลประโยชน์ทับซ้อน
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  choices text[] NOT NULL CHECK (cardinality(choices) BETWEEN 2 AND 6),
  correct integer NOT NULL CHECK (correct >= 0 AND correct < cardinality(choices)),   -- 0-based
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX trainings_questions_list ON trainings_questions (org_id, subject, created_at);
ALTER TABLE trainings_questions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_questions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE trainings_session_questions (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  session_id uuid NOT NULL,
  question_id uuid NOT NULL,
  position integer NOT NULL CHECK (position BETWEEN 1 AND 50),
  PRIMARY KEY (org_id, session_id, question_id),
  FOREIGN KEY (org_id, session_id) REFERENCES trainings_sessions(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, question_id) REFERENCES trainings_questions(org_id, id)     -- a question in a test is never deleted
);
ALTER TABLE trainings_session_questions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_session_questions USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE trainings_answers (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL,
  attendee_id uuid NOT NULL,
  phase text NOT NULL CHECK (phase IN ('pre', 'post')),
  choices jsonb NOT NULL,                       -- question id → the 0-based choice picked
  score integer NOT NULL CHECK (score >= 0),
  total integer NOT NULL CHECK (total >= 1 AND score <= total),
  via text NOT NULL CHECK (via IN ('self', 'link')),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, session_id, attendee_id, phase),
  FOREIGN KEY (org_id, session_id) REFERENCES trainings_sessions(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, attendee_id) REFERENCES trainings_attendees(org_id, id) ON DELETE CASCADE
);
ALTER TABLE trainings_answers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_answers USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());

CREATE TABLE trainings_evaluations (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL,
  attendee_id uuid NOT NULL,
  ratings integer[] NOT NULL CHECK (cardinality(ratings) = 5 AND 1 <= ALL (ratings) AND 5 >= ALL (ratings)),   -- rules.ts EVALUATION_ITEMS, in order
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
  via text NOT NULL CHECK (via IN ('self', 'link')),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, session_id, attendee_id),
  FOREIGN KEY (org_id, session_id) REFERENCES trainings_sessions(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, attendee_id) REFERENCES trainings_attendees(org_id, id) ON DELETE CASCADE
);
ALTER TABLE trainings_evaluations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON trainings_evaluations USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
