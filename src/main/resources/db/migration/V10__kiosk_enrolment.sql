-- Kiosk enrolments and the desk's kiosk ballots survive a restart (docs/roster-and-kiosk.md). The same text
-- runs on H2 and PostgreSQL.

-- Which name each enrolled tablet holds: the SHA-256 of the random 256-bit secret in the tablet's HttpOnly
-- cookie, never the secret itself (a copy of the database cannot make a browser a kiosk), and nothing of
-- any voter. Enrolling the name again replaces the row; the organiser's withdrawal deletes it.
CREATE TABLE kiosk_enrolment (
    kiosk_name   VARCHAR(32)  PRIMARY KEY,
    secret_hash  VARCHAR(64)  NOT NULL
);

-- A ballot the desk sent to a kiosk that the kiosk has not picked up yet: the kiosk visit it belongs to
-- (kiosk_visit: an anonymous handle and an HMAC of person and poll), the kiosk and the poll. Never the
-- token: that stays in the station's memory. Written in the hand-out's transaction, deleted when the kiosk
-- picks the ballot up (or it is abandoned, or the kiosk withdrawn). boot_id is the random id of the station
-- run that holds the token: a row from an earlier run lost its token with that run, and the kiosk's next
-- pick-up is sent a fresh one from the desk's pool instead (the lost one never left the station).
CREATE TABLE kiosk_delivery (
    visit_id    BIGINT       PRIMARY KEY REFERENCES kiosk_visit (visit_id),
    kiosk_name  VARCHAR(32)  NOT NULL,
    poll_id     VARCHAR(64)  NOT NULL,
    boot_id     VARCHAR(32)  NOT NULL
);
