-- meetings: photos of a meeting (issue 17, item 4). The image itself is a platform file (files,
-- never public there: the meeting's own routes decide who sees it); a row here places it in the
-- meeting with its caption (the image's text alternative) and order.
-- Tenant table: org_id first in every key, row-level security.
CREATE TABLE meetings_photos (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL,
  file_id uuid NOT NULL,
  caption text NOT NULL CHECK (length(caption) BETWEEN 1 AND 300),
  position integer NOT NULL CHECK (position >= 1),            -- shown in this order (max + 1 on upload)
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, file_id),
  FOREIGN KEY (org_id, meeting_id) REFERENCES meetings(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, file_id) REFERENCES files(org_id, id) ON DELETE CASCADE
);
CREATE INDEX meetings_photos_of ON meetings_photos (org_id, meeting_id, position);
ALTER TABLE meetings_photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON meetings_photos USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
