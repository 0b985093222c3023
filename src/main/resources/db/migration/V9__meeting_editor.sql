-- The meeting as the organiser edits it in the admin pages (docs/roster-and-kiosk.md, "The meeting editor").
-- Empty until the first edit: the station's meeting is then meeting.yaml's (and the next rounds of
-- poll_definition). From the first edit on, these rows are the meeting and meeting.yaml only seeded it.
-- setup_json: details, committee and seal threshold (meeting/SetupJson); seeded_from_sha256: the meeting.yaml the
-- station ran when the first edit was made. The same text runs on H2 and PostgreSQL.
CREATE TABLE meeting_setup (
    meeting_id          VARCHAR(64)      PRIMARY KEY,
    setup_json          VARCHAR(1000000) NOT NULL,
    seeded_from_sha256  VARCHAR(64)      NOT NULL,
    updated_at          VARCHAR(40)      NOT NULL
);

-- Every poll of an edited meeting, in the meeting's order: PollDefinition's canonical JSON (what is frozen and
-- hashed when the poll opens). A next round added after the first edit is written here and in poll_definition.
CREATE TABLE meeting_poll (
    poll_id          VARCHAR(64)      PRIMARY KEY,
    position         INTEGER          NOT NULL,
    definition_json  VARCHAR(1000000) NOT NULL
);
