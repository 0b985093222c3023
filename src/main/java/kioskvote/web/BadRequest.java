package kioskvote.web;

import java.util.List;
import java.util.Map;

import kioskvote.text.Refused;

/**
 * A request that could not be read (bad JSON, a wrong type, a body too large, too slow, not UTF-8 or cut off, a
 * missing field, a broken upload, a photo without a code): 4xx, nothing changed.
 */
public class BadRequest extends Refused {
    public enum Code implements Refused.Code {
        BAD_JSON, BODY_TOO_LARGE, MISSING_FIELD, PHOTO_NO_CODE, WRONG_TYPE, BAD_ENCODING, BAD_BODY, BODY_TOO_SLOW, BAD_MULTIPART;

        @Override
        public List<String> parameters() {
            return this == MISSING_FIELD || this == WRONG_TYPE ? List.of("field") : List.of();
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

    /** A JSON value of another type than the field takes: a count written 1.9, "3" or true. Nothing is converted. */
    public static BadRequest wrongType(String field) {
        return new BadRequest(Code.WRONG_TYPE, Map.of("field", field));
    }

    /** A body that is not strict UTF-8 (a form, JSON, or a body without a type). */
    public static BadRequest badEncoding() {
        return new BadRequest(Code.BAD_ENCODING, Map.of());
    }

    /** A body cut off or with broken chunked framing. */
    public static BadRequest badBody() {
        return new BadRequest(Code.BAD_BODY, Map.of());
    }

    /** A body that did not arrive within the time allowed (a slow client holds no request thread). */
    public static BadRequest bodyTooSlow() {
        return new BadRequest(Code.BODY_TOO_SLOW, Map.of());
    }

    /** A multipart upload that cannot be parsed (the kiosk photo). */
    public static BadRequest badMultipart() {
        return new BadRequest(Code.BAD_MULTIPART, Map.of());
    }
}
