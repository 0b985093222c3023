package kioskvote.seal;

/** A sealed ballot that does not open: sealed to another box or context, or altered. Never expected in a count. */
public final class SealBroken extends RuntimeException {
    public SealBroken(String message) {
        super(message);
    }
}
