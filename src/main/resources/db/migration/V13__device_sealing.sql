-- Ballots sealed on voters' devices (docs/security.md, "Sealed on the device"). The same text runs on H2 and PostgreSQL.
-- Per poll, counters only (nothing per ballot, so nothing tells which stored ballot came from where): how many
-- casts came sealed by the voter's page, how many the station sealed (the form path), and, at the count, how
-- many opened ballots were unreadable (received, and invalid on every question).
ALTER TABLE poll_state ADD COLUMN device_sealed INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE poll_state ADD COLUMN station_sealed INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE poll_state ADD COLUMN unreadable_ballots INTEGER DEFAULT 0 NOT NULL;
-- The meeting key's signature (Ed25519, hex) over the poll's box key in its context: meeting, poll, definition hash.
ALTER TABLE poll_state ADD COLUMN box_signature VARCHAR(128);
