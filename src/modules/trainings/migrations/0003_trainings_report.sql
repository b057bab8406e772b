-- trainings: what the training report (รายงานผลการจัดอบรม) says beyond the records: the summary, the
-- benefits and how they are applied, and who reports (rules file §5, suggested fields: unverified).
ALTER TABLE trainings_sessions
  ADD COLUMN summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 10000),
  ADD COLUMN benefits text NOT NULL DEFAULT '' CHECK (length(benefits) <= 10000),
  ADD COLUMN reporter_name text NOT NULL DEFAULT '' CHECK (length(reporter_name) <= 200),
  ADD COLUMN reporter_position text NOT NULL DEFAULT '' CHECK (length(reporter_position) <= 200),
  ADD COLUMN reported_at timestamptz;
