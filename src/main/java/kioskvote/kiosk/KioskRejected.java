package kioskvote.kiosk;

/** A request about a tablet kiosk that the station refuses; nothing was changed. */
public class KioskRejected extends RuntimeException {
    public enum Code {
        BAD_KIOSK_NAME(400),
        KIOSK_BUSY(409),
        KIOSK_SESSION_GONE(410),
        KIOSK_NOT_ENROLLED(403),
        KIOSK_UNKNOWN(409);

        public final int status;

        Code(int status) {
            this.status = status;
        }
    }

    private final Code code;
    private final String kiosk;

    public KioskRejected(Code code, String kiosk) {
        super(code.name());
        this.code = code;
        this.kiosk = kiosk;
    }

    public Code code() {
        return code;
    }

    /** The kiosk's name as the request gave it (empty when it was not readable). */
    public String kiosk() {
        return kiosk;
    }
}
