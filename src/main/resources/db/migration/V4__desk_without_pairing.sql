-- The desk stores nothing that pairs a person with a token (the "two promises" issue). The same text runs
-- on H2 and PostgreSQL.
--
-- Every table the desk writes is keyed by a random BIGINT. H2 stores a table in the order of a single
-- integer primary key; with any other key it keeps a hidden insertion counter, and the file then lists
-- hand-outs and the tokens minted with them in the same order.

-- Issued tokens: a random key, the serial (to spend and void it), and the short code printed under the QR
-- only as HMAC-SHA256 under a key derived from the meeting key (KeyedHash "short-code"): a copy of the
-- database alone holds no code that a kiosk would take. The V3 table is converted by the station at its
-- next start (it needs the key) and then dropped: SlipOffice.convertLegacyTokens.
ALTER TABLE issued_token RENAME TO issued_token_v3;

CREATE TABLE issued_token (
    token_id  BIGINT       PRIMARY KEY,
    serial    VARCHAR(32)  NOT NULL UNIQUE,
    code_mac  VARCHAR(64)  NOT NULL UNIQUE,
    batch_id  VARCHAR(32)  NOT NULL REFERENCES slip_batch (batch_id),
    voided    BOOLEAN      NOT NULL
);

-- A pool batch is minted in bulk for the check-in desk long before any hand-out; its tokens are kept in
-- memory and drawn at random. Its slips are not counted as issued until drawn: the desk's standing
-- batch ("desk") counts the draws, with no token.
ALTER TABLE slip_batch ADD COLUMN pool BOOLEAN DEFAULT FALSE NOT NULL;

-- Who holds a ballot: one row per person for the whole meeting (the ballot works in every poll), never
-- which token. ballot_handout (per person and poll, insertion-ordered) is converted at the next start
-- and dropped: Roster.convertLegacyHandouts.
CREATE TABLE ballot_holder (
    holder_id  BIGINT       PRIMARY KEY,
    person_id  VARCHAR(32)  NOT NULL UNIQUE REFERENCES roster_person (person_id),
    kind       VARCHAR(10)  NOT NULL
);

-- A person who votes at a kiosk is sent one kiosk ballot per poll. visit_key is the HMAC (KeyedHash
-- "kiosk-visit") of person and poll: unique, so a second kiosk ballot in the same poll is refused, and a
-- copy of the database alone cannot tell whose visit it is. visit_id is the one-time handle the kiosk
-- session holds (never a person id): an abandoned kiosk ballot deletes its visit by it.
CREATE TABLE kiosk_visit (
    visit_id   BIGINT       PRIMARY KEY,
    visit_key  VARCHAR(64)  NOT NULL UNIQUE
);
