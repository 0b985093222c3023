-- A sealed poll's storage key on a shared database (PostgreSQL, an H2 server): sealed rows are stored
-- wrapped in it and it is deleted at the count (store/StorageKeyTable). The embedded H2 station keeps it in
-- a file of the data directory instead (store/StorageKeyFiles), so that it can be destroyed for good.
CREATE TABLE box_storage_key (
    box_id       VARCHAR(200) PRIMARY KEY,  -- poll id / box public key (hex)
    storage_key  VARCHAR(64)  NOT NULL
);
