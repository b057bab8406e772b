-- Set-based figures per agency and fiscal year, declared by modules (manifest `statistics`) and
-- computed for every agency at once by the statistics job on the owner connection.
CREATE TABLE statistics (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 2700),
  module text NOT NULL,
  key text NOT NULL,
  value numeric NOT NULL,
  public boolean NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, fiscal_year, module, key)
);
CREATE INDEX statistics_rollup ON statistics (module, key, fiscal_year) WHERE public;
ALTER TABLE statistics ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON statistics USING (org_id = app_current_org()) WITH CHECK (org_id = app_current_org());
-- The app reads its own agency's figures; only the job (owner) writes them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON statistics FROM prongsai_app;

-- The roll-up read path: every agency's *public* figures of one statistic, and nothing else. It runs
-- as its owner (SECURITY DEFINER), so RLS is crossed here on purpose and only here; the app role
-- cannot read other agencies' rows of `statistics` any other way.
CREATE FUNCTION public_statistics(p_module text, p_key text)
  RETURNS TABLE (org_id uuid, fiscal_year integer, value numeric, computed_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT s.org_id, s.fiscal_year, s.value, s.computed_at FROM statistics s WHERE s.public AND s.module = p_module AND s.key = p_key $$;
REVOKE ALL ON FUNCTION public_statistics(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public_statistics(text, text) TO prongsai_app;
