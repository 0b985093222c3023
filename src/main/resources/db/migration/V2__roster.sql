-- The roster (issue 4): the people summoned, who is present, and per poll who received a ballot.
-- Secrecy: nothing here names a token, a slip, a short code or a ballot. A hand-out row says only
-- "this person received one ballot in this poll, of this kind"; the token handed out is in issued_token
-- with no column pointing back, and the rows carry no time that could be matched against anything.
-- The same text runs on H2 and PostgreSQL.

CREATE TABLE roster_person (
    person_id   VARCHAR(32)  PRIMARY KEY,
    full_name   VARCHAR(200) NOT NULL,
    unit        VARCHAR(200) NOT NULL,
    search_key  VARCHAR(400) NOT NULL,
    present     BOOLEAN      NOT NULL,
    UNIQUE (full_name, unit)
);

-- The primary key is what makes "at most one ballot per person per poll" hold under concurrent desks.
-- replaced counts lost or abandoned ballots voided and replaced; awaiting_replacement is set between
-- the void and the new hand-out.
CREATE TABLE ballot_handout (
    person_id             VARCHAR(32) NOT NULL REFERENCES roster_person (person_id),
    poll_id               VARCHAR(64) NOT NULL,
    kind                  VARCHAR(10) NOT NULL,
    replaced              INTEGER     NOT NULL,
    awaiting_replacement  BOOLEAN     NOT NULL,
    PRIMARY KEY (person_id, poll_id)
);
