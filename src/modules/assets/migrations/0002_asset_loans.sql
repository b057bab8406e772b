-- assets: loans of an asset (การยืมครุภัณฑ์). A request holds the asset's dates until it is
-- rejected, cancelled or returned; two holds of one asset never overlap (exclusion constraint,
-- so even two requests at the same moment cannot both succeed).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE asset_loans (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9]{8}$'),       -- the borrower follows the request with it
  asset_id uuid NOT NULL,
  borrower_kind text NOT NULL CHECK (borrower_kind IN ('staff', 'public')),
  borrower_name text NOT NULL CHECK (length(borrower_name) BETWEEN 1 AND 200),
  borrower_contact text NOT NULL DEFAULT '' CHECK (length(borrower_contact) <= 200),
  borrower_user_id uuid,
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
  start_on date NOT NULL,
  end_on date NOT NULL,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled', 'checked_out', 'returned')),
  requested_by uuid,                                         -- the staff member who recorded it (null: the public form)
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid,
  decided_by_label text,
  decided_at timestamptz,
  decision_note text NOT NULL DEFAULT '' CHECK (length(decision_note) <= 1000),
  checked_out_by uuid,
  checked_out_by_label text,
  checked_out_at timestamptz,
  checkout_condition text NOT NULL DEFAULT '' CHECK (length(checkout_condition) <= 1000),
  returned_by uuid,
  returned_by_label text,
  returned_at timestamptz,
  return_condition text NOT NULL DEFAULT '' CHECK (length(return_condition) <= 1000),
  damaged boolean NOT NULL DEFAULT false,
  damage_note text NOT NULL DEFAULT '' CHECK (length(damage_note) <= 1000),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, code),
  FOREIGN KEY (org_id, asset_id) REFERENCES asset_items (org_id, id),
  CHECK (end_on >= start_on),
  CHECK (status NOT IN ('approved', 'rejected', 'checked_out', 'returned') OR decided_at IS NOT NULL),
  CHECK (status NOT IN ('checked_out', 'returned') OR (checked_out_at IS NOT NULL AND decided_at <= checked_out_at)),
  CHECK (status <> 'returned' OR returned_at IS NOT NULL),
  CONSTRAINT asset_loans_no_double_booking EXCLUDE USING gist (
    org_id WITH =, asset_id WITH =, daterange(start_on, end_on, '[]') WITH &&
  ) WHERE (status IN ('requested', 'approved', 'checked_out'))
);
CREATE INDEX asset_loans_list ON asset_loans (org_id, start_on DESC);
CREATE INDEX asset_loans_asset ON asset_loans (org_id, asset_id);

ALTER TABLE asset_loans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON asset_loans USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
