-- kioskvote schema, the same text on H2 and PostgreSQL.
-- Secrecy (issue 2, item 8): a ballot row has no token serial, no timestamp, no client address and
-- no sequence number; its id is random. spent_token has no reference to a ballot.
-- Both tables are keyed by a random BIGINT: H2 stores rows in the order of a single integer primary
-- key, so the file keeps them in random order, not in the order of casting (with any other key H2
-- keeps an insertion-ordered row id, and spent_token row N would sit beside ballot row N).

CREATE TABLE station (
    meeting_id      VARCHAR(64)  PRIMARY KEY,
    present         INTEGER      NOT NULL,
    admin_salt      VARCHAR(64)  NOT NULL,
    admin_hash      VARCHAR(128) NOT NULL
);

CREATE TABLE poll_state (
    poll_id          VARCHAR(64)    PRIMARY KEY,
    state            VARCHAR(10)    NOT NULL,
    cast_count       INTEGER        NOT NULL,
    definition_json  VARCHAR(1000000),
    definition_hash  VARCHAR(64),
    opened_at        VARCHAR(40),
    closed_at        VARCHAR(40)
);

CREATE TABLE slip_batch (
    batch_id    VARCHAR(32)  PRIMARY KEY,
    label       VARCHAR(200) NOT NULL,
    slip_count  INTEGER      NOT NULL,
    created_at  VARCHAR(40)  NOT NULL
);

-- Tokens the station issued, to refuse voided ones and to resolve typed short codes.
-- Never linked to a person or to a ballot.
CREATE TABLE issued_token (
    serial      VARCHAR(32)  PRIMARY KEY,
    short_code  VARCHAR(11)  NOT NULL UNIQUE,
    batch_id    VARCHAR(32)  NOT NULL REFERENCES slip_batch (batch_id),
    voided      BOOLEAN      NOT NULL
);

-- One row per token per poll: the unique key is what makes a token count once, atomically.
CREATE TABLE spent_token (
    spent_id  BIGINT      PRIMARY KEY,
    poll_id   VARCHAR(64) NOT NULL,
    serial    VARCHAR(32) NOT NULL,
    UNIQUE (poll_id, serial)
);

CREATE TABLE ballot (
    ballot_id     BIGINT        PRIMARY KEY,
    poll_id       VARCHAR(64)   NOT NULL,
    receipt_code  VARCHAR(9)    NOT NULL,
    receipt_proof VARCHAR(64)   NOT NULL,
    answers_json  VARCHAR(8000) NOT NULL,
    UNIQUE (poll_id, receipt_code)
);

-- Append-only, hash-chained log of administrative events (never a token or a choice).
CREATE TABLE audit_event (
    seq        BIGINT        PRIMARY KEY,
    at         VARCHAR(40)   NOT NULL,
    event      VARCHAR(40)   NOT NULL,
    detail     VARCHAR(2000) NOT NULL,
    prev_hash  VARCHAR(64)   NOT NULL,
    hash       VARCHAR(64)   NOT NULL
);
