-- Polls created while the station runs (the second round of an election), read at start after the polls of
-- meeting.yaml (docs/rules.md, "Second round"). definition_json is PollDefinition's canonical JSON.
CREATE TABLE poll_definition (
    poll_id          VARCHAR(64)      PRIMARY KEY,
    from_poll        VARCHAR(64)      NOT NULL,
    definition_json  VARCHAR(1000000) NOT NULL,
    created_at       VARCHAR(40)      NOT NULL
);

-- Batches of paper ballots the tellers entered twice and the station accepted (docs/rules.md, "Paper
-- ballots"): only how many, never which slip or which marks; the ballots themselves are in ballot.
CREATE TABLE paper_batch (
    poll_id       VARCHAR(64)  NOT NULL,
    batch         VARCHAR(40)  NOT NULL,
    ballot_count  INTEGER      NOT NULL,
    accepted_at   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (poll_id, batch)
);
