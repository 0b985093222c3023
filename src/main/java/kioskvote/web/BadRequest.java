package kioskvote.web;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/** A request that could not be read (bad JSON, a body too large, a missing field, a photo without a code): 4xx, nothing changed. */
public class BadRequest extends Refused {
    public enum Code implements Refused.Code {
        BAD_JSON, BODY_TOO_LARGE, MISSING_FIELD, PHOTO_NO_CODE;

        @Override
        public List<String> parameters() {
            return this == MISSING_FIELD ? List.of("field") : List.of();
        }
    }

    private BadRequest(Code code, Map<String, ?> args) {
        super(code, args);
    }

    public static BadRequest badJson() {
        return new BadRequest(Code.BAD_JSON, Map.of());
    }

    public static BadRequest tooLarge() {
        return new BadRequest(Code.BODY_TOO_LARGE, Map.of());
    }

    public static BadRequest missing(String field) {
        return new BadRequest(Code.MISSING_FIELD, Map.of("field", field));
    }

    /** No QR code could be read in a kiosk's photo of a slip. */
    public static BadRequest photoUnreadable() {
        return new BadRequest(Code.PHOTO_NO_CODE, Map.of());
    }
}
