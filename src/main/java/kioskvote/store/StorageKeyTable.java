package kioskvote.store;

import java.util.HexFormat;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * The storage keys of a station on a shared database (PostgreSQL, or an H2 server): every station serving
 * the meeting must wrap its casts, so the key is in the database, in its own table. Deleting the row does
 * not erase it from the server's files (free space, WAL, backups): there the database administrator
 * erases what the station cannot (docs/security.md).
 */
public final class StorageKeyTable implements StorageKeys {
    private final Jdbi jdbi;

    public StorageKeyTable(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void keep(String box, byte[] key) {
        String hex = HexFormat.of().formatHex(key);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM box_storage_key WHERE box_id = :box").bind("box", box).execute();
            h.createUpdate("INSERT INTO box_storage_key (box_id, storage_key) VALUES (:box, :key)")
                    .bind("box", box).bind("key", hex).execute();
        });
    }

    @Override
    public Optional<byte[]> find(String box) {
        return jdbi.withHandle(h -> h.createQuery("SELECT storage_key FROM box_storage_key WHERE box_id = :box")
                .bind("box", box).mapTo(String.class).findOne()).map(HexFormat.of()::parseHex);
    }

    @Override
    public void destroy(String box) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM box_storage_key WHERE box_id = :box").bind("box", box).execute());
    }

    @Override
    public boolean destroysForGood() {
        return false;
    }
}
