package kioskvote.meeting;

import java.util.Locale;
import java.util.Optional;

/**
 * How a person holds their ballot: a pre-printed slip from the stack (the desk records only that one was
 * handed out), a token from the desk's pool shown once as a QR on the desk screen, or, for a kiosk voter,
 * one pool token per poll sent to a kiosk that unlocks for that one ballot.
 */
public enum HandOutKind {
    SLIP, QR, KIOSK;

    public static Optional<HandOutKind> parse(String text) {
        if (text == null) return Optional.empty();
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A token is drawn from the desk's pool for this kind (a pre-printed slip already has one). */
    public boolean mintsToken() {
        return this != SLIP;
    }
}
