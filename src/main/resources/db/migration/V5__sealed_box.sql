-- The sealed ballot box (docs/security.md). The same text runs on H2 and PostgreSQL.
-- A sealed poll's ballots are encrypted (HPKE, RFC 9180) to a key pair made when the poll opens; the
-- station keeps only the public key (hex) and hands the private key, split k-of-n, to the counting
-- committee. counted_at is set when the committee's shares opened the box and the ballots were counted.
ALTER TABLE poll_state ADD COLUMN box_public_key VARCHAR(64);
ALTER TABLE poll_state ADD COLUMN box_threshold INTEGER;
ALTER TABLE poll_state ADD COLUMN box_shares INTEGER;
ALTER TABLE poll_state ADD COLUMN counted_at VARCHAR(40);

-- One row per ballot cast in a sealed poll, until the count deletes it. Nothing in it is readable:
-- ciphertext is the ballot (answers and receipt code) sealed to the poll's box key, base64;
-- retry_proof is HMAC-SHA256(receipt secret, "kioskvote/retry-proof/v1"), which says nothing about the
-- receipt code, and lets a voter's retry after a lost answer be told "already counted". The id is random
-- (H2 stores rows in key order: the file keeps them in random order, not in the order of casting).
CREATE TABLE sealed_ballot (
    sealed_id    BIGINT         PRIMARY KEY,
    poll_id      VARCHAR(64)    NOT NULL,
    retry_proof  VARCHAR(64)    NOT NULL,
    ciphertext   VARCHAR(16000) NOT NULL,
    UNIQUE (poll_id, retry_proof)
);

-- The ballots of a sealed poll once counted: written in one transaction, in random order, with random
-- ids. Like ballot, without the retry proof (the poll is closed: there is no retry to recognise) and
-- without a unique receipt code: the codes were sealed, so the rare two voters whose secrets gave the
-- same 40-bit code could not be told apart at casting; both ballots count and the code is listed twice.
CREATE TABLE counted_ballot (
    ballot_id     BIGINT        PRIMARY KEY,
    poll_id       VARCHAR(64)   NOT NULL,
    receipt_code  VARCHAR(9)    NOT NULL,
    answers_json  VARCHAR(8000) NOT NULL
);
CREATE INDEX counted_ballot_poll ON counted_ballot (poll_id);
