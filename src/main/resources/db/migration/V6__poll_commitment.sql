-- The election record (docs/record.md). The same text runs on H2 and PostgreSQL.
-- poll_commitment: what the station committed to when the poll opened, written in the opening
-- transaction: the commitment's header text exactly as hashed (meeting, poll, definition hash, meeting
-- public key, ballot-box public key), how many token hashes follow it, and the SHA-256 of the whole.
-- At the close (for a sealed poll: at the count) the record's head is fixed: its hash, the ballot
-- count, and the figures and tally published then (counts.json, tally.json of the record), so a record
-- downloaded later carries the figures of the close.
CREATE TABLE poll_commitment (
    poll_id       VARCHAR(64)    PRIMARY KEY,
    header        VARCHAR(4000)  NOT NULL,
    token_count   INTEGER        NOT NULL,
    sha256        VARCHAR(64)    NOT NULL,
    record_head   VARCHAR(64),
    head_ballots  INTEGER,
    counts_json   VARCHAR(100000),
    tally_json    VARCHAR(100000)
);

-- The slips committed to at the open: issued and not voided then, each as its public hash
-- (token/TokenHash), never the serial. Nothing here points to a ballot or a person.
CREATE TABLE committed_token (
    poll_id     VARCHAR(64) NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    PRIMARY KEY (poll_id, token_hash)
);
