-- A kiosk's request key (docs/security.md, "The network"): the tablet makes an Ed25519 key pair when it is
-- enrolled, keeps the private half in its own storage and signs every state-changing request with it, so a
-- request picked up on the air cannot be sent again. The public half is bound to the enrolment it came with by
-- that enrolment's secret hash (kiosk_enrolment): enrolling the name again, or withdrawing it, retires the key.
-- The same text runs on H2 and PostgreSQL.
CREATE TABLE kiosk_key (
    kiosk_name   VARCHAR(32)  PRIMARY KEY,
    secret_hash  VARCHAR(64)  NOT NULL,
    public_key   VARCHAR(64)  NOT NULL
);
