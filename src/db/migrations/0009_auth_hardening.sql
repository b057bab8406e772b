-- TOTP: the last accepted time step (a code is accepted once, never replayed within its window)
-- and failed second-factor attempts (five in a row end the half-signed-in session).
ALTER TABLE users ADD COLUMN totp_last_step bigint;
ALTER TABLE users ADD COLUMN totp_failures integer NOT NULL DEFAULT 0;
