package kioskvote.tally;

import java.util.Optional;

/**
 * Whether the poll's ballot box was sealed, as the minutes record it: the box key's fingerprint and the
 * k of n committee shares that opened it; or "not sealed" (a practice or informal poll). A sealed box also
 * says how many ballots were sealed on voters' devices, how many at the station (the form path), and how
 * many did not read at the count (received, invalid on every question: docs/security.md, "Sealed on the device").
 */
public record BoxSeal(boolean sealed, Optional<String> boxFingerprint, int threshold, int shares,
                      long onDevices, long atStation, long unreadable) {
    public static BoxSeal notSealed() {
        return new BoxSeal(false, Optional.empty(), 0, 0, 0, 0, 0);
    }

    public static BoxSeal sealed(String boxFingerprint, int threshold, int shares) {
        return new BoxSeal(true, Optional.of(boxFingerprint), threshold, shares, 0, 0, 0);
    }

    public BoxSeal withSealing(long sealedOnDevices, long sealedAtStation, long unreadableBallots) {
        return new BoxSeal(sealed, boxFingerprint, threshold, shares, sealedOnDevices, sealedAtStation, unreadableBallots);
    }

    /** "sealed, box 1A2B3C4D, opened with 2 of 3 committee shares" / "not sealed", in the minutes' language. */
    public String describe(MinutesWords words) {
        if (!sealed) return words.get("notSealed");
        return words.get("sealedBox").replace("{0}", boxFingerprint.orElse("")).replace("{1}", Integer.toString(threshold))
                .replace("{2}", Integer.toString(shares))
                + words.get("sealedWhere").replace("{0}", Long.toString(onDevices)).replace("{1}", Long.toString(atStation))
                .replace("{2}", Long.toString(unreadable));
    }
}
