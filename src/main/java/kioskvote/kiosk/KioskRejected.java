package kioskvote.kiosk;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/** A request about a tablet kiosk that the station refuses; nothing was changed. */
public class KioskRejected extends Refused {
    public enum Code implements Refused.Code {
        BAD_KIOSK_NAME, KIOSK_BUSY, KIOSK_SESSION_GONE, KIOSK_NOT_ENROLLED, KIOSK_CODE_WRONG, KIOSK_UNKNOWN, KIOSK_PROOF_BAD, KIOSK_KEY_MISSING;

        @Override
        public List<String> parameters() {
            return this == KIOSK_BUSY || this == KIOSK_UNKNOWN ? List.of("kiosk") : List.of();
        }
    }

    /** @param kiosk the kiosk's name as the request gave it (empty when it was not readable) */
    public KioskRejected(Code code, String kiosk) {
        super(code, code.parameters().isEmpty() ? Map.of() : Map.of("kiosk", kiosk));
    }
}
