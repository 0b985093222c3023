package kioskvote.tally;

import java.util.Optional;

/**
 * Whether the poll's ballot box was sealed, as the minutes record it: the box key's fingerprint and the
 * k of n committee shares that opened it; or "not sealed" (a practice or informal poll).
 */
public record BoxSeal(boolean sealed, Optional<String> boxFingerprint, int threshold, int shares) {
    public static BoxSeal notSealed() {
        return new BoxSeal(false, Optional.empty(), 0, 0);
    }

    public static BoxSeal sealed(String boxFingerprint, int threshold, int shares) {
        return new BoxSeal(true, Optional.of(boxFingerprint), threshold, shares);
    }

    /** "sealed, box 1A2B3C4D, opened with 2 of 3 committee shares" / "not sealed", in the minutes' language. */
    public String describe(MinutesWords words) {
        if (!sealed) return words.get("notSealed");
        return words.get("sealedBox").replace("{0}", boxFingerprint.orElse("")).replace("{1}", Integer.toString(threshold))
                .replace("{2}", Integer.toString(shares));
    }
}
