package kioskvote.store;

/** The disk holding the database has too little room left to store a cast safely; nothing was written. */
public final class StorageFull extends RuntimeException {
    public StorageFull(String message) {
        super(message);
    }
}
