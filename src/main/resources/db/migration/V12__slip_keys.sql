-- A slip is stored only as a keyed hash of its public key (token/SlipHashes: 64 hex digits), never its secret
-- nor a serial in clear; its short code only as a slow keyed hash (token/CodeHash). The serials a database from
-- before this version holds in clear are replaced at the first start (SlipOffice.convertLegacyTokens), which
-- needs the meeting key and so cannot be done here. docs/security.md, "Slips".
ALTER TABLE issued_token ALTER COLUMN serial SET DATA TYPE VARCHAR(64);
ALTER TABLE spent_token ALTER COLUMN serial SET DATA TYPE VARCHAR(64);
