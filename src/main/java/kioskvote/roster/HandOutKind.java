package kioskvote.roster;

import java.util.Locale;
import java.util.Optional;

/**
 * How a person received their ballot: a pre-printed slip from the stack (the desk records only that
 * one was handed out), a fresh token shown once as a QR on the desk screen, or a fresh token sent to
 * a kiosk that unlocks for that one ballot.
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

    /** A fresh token is minted for this kind (a pre-printed slip already has one). */
    public boolean mintsToken() {
        return this != SLIP;
    }
}
