-- The fingerprint of the meeting key the stations of this database sign slips with. Stored by the first
-- station that starts; every other station (several stations on one PostgreSQL database) must hold the
-- same key, or it refuses to start: slips printed by one station must be accepted by all of them.
ALTER TABLE station ADD COLUMN key_fingerprint VARCHAR(64);
