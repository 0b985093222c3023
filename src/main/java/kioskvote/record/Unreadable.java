package kioskvote.record;

/** The file is not an election record `verify` can read (missing, not a zip, no manifest): not evidence of tampering. */
public final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
        super(message);
    }
}
