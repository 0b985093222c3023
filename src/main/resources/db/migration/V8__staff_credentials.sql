-- Credentials the organiser sets for the chair and the desk clerk (issue "a real meeting day"): each role
-- signs in with its own passphrase or PIN, stored only as a salted PBKDF2 hash. The organiser's own
-- passphrase stays in the station row. The same text runs on H2 and PostgreSQL.
CREATE TABLE staff_credential (
    role       VARCHAR(20)  PRIMARY KEY,
    salt       VARCHAR(64)  NOT NULL,
    hash       VARCHAR(128) NOT NULL
);
