package kioskvote.store;

/**
 * Rewrites the database file so that no earlier version of a page survives in it: after a sealed poll
 * is counted, the deleted sealed rows must not linger in free pages. H2 only (a compacting rewrite of
 * its one file); on PostgreSQL the station cannot do it, and docs/security.md says what the database
 * administrator does instead.
 */
public interface Compactor {
    /** @return true if the file was rewritten; false if this store cannot, or could not this time (logged). */
    boolean compact();

    Compactor NONE = () -> false;
}
