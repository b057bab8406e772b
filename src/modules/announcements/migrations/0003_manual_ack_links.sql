-- manuals: "รับทราบ" also through a single-use link (platform person links, purpose 'manuals.ack')
-- for the unit's staff without an account, besides signed in and on the paper sheet.
ALTER TABLE manual_acks DROP CONSTRAINT manual_acks_via_check;
ALTER TABLE manual_acks ADD CONSTRAINT manual_acks_via_check CHECK (via IN ('account', 'link', 'paper'));
