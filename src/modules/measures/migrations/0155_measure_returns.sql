-- An executive sends a measure back with a comment instead of approving it (issue 15). The
-- comment is shown on the measure and, as a to-do item, to the officers it is for, until an
-- officer resubmits the measure. One current return per measure; earlier ones are in the audit trail.
CREATE TABLE ita_measure_returns (
  org_id uuid NOT NULL,
  measure_id uuid NOT NULL,
  comment text NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
  returned_by uuid,
  returned_at timestamptz NOT NULL DEFAULT now(),
  -- The accounts the work goes to (the measure's last editor, else its units' officers, else every officer).
  officer_ids uuid[] NOT NULL DEFAULT '{}',
  resubmitted_by uuid,
  resubmitted_at timestamptz,
  PRIMARY KEY (org_id, measure_id),
  FOREIGN KEY (org_id, measure_id) REFERENCES ita_measures(org_id, id) ON DELETE CASCADE
);
ALTER TABLE ita_measure_returns ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ita_measure_returns USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
