-- Rate limits and throttles, shared by every app process (in-process maps were per process, so two
-- processes doubled every limit). Keys are keyed hashes (HMAC) of what they count — an address, an
-- account — never the address itself; a row lives only for its window.
CREATE TABLE rate_counters (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_counters_expiry ON rate_counters (expires_at);
