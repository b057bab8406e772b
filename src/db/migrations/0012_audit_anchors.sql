-- Daily anchors of each agency's audit chain: the id and hash of the newest entry, written by the
-- job on the owner connection, which the app role cannot imitate (it may only read them). Published
-- on the agency's site, an anchor lets anyone — also another deployment importing the agency —
-- check that no entry up to it was changed or removed later.
CREATE TABLE audit_anchors (
  org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,   -- NULL: the platform's own chain
  day date NOT NULL,
  head_id bigint NOT NULL,
  head_hash text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
  entries bigint NOT NULL,
  anchored_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX audit_anchors_one_a_day ON audit_anchors (coalesce(org_id, '00000000-0000-0000-0000-000000000000'::uuid), day);
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_anchors FROM prongsai_app;
GRANT SELECT ON audit_anchors TO prongsai_app;
