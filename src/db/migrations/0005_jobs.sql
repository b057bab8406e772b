-- Scheduled runs claimed once across every app process: a process that finds a schedule due inserts
-- (job, slot); only the one whose insert succeeds puts the run on the pg-boss queue. pg-boss keeps
-- its own tables in the "pgboss" schema.
CREATE TABLE job_schedule_runs (
  job text NOT NULL,
  slot timestamptz NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job, slot)
);
-- Only the job runner (owner connection) touches it.
REVOKE ALL ON job_schedule_runs FROM prongsai_app;
