-- coi: a declaration may also be filed through a single-use link (platform person_links, purpose
-- 'coi.declare') by a person without an account; the link is used in the transaction that files it.
ALTER TABLE coi_declarations DROP CONSTRAINT coi_declarations_via_check;
ALTER TABLE coi_declarations ADD CONSTRAINT coi_declarations_via_check CHECK (via IN ('self', 'officer', 'link'));
