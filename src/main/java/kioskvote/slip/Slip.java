package kioskvote.slip;

import java.util.Objects;

/** One printed ballot slip. Its URL and code are a ballot: they never appear in {@link #toString()}. */
public record Slip(String url, String shortCode, QrCode qr) {
    public Slip {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(shortCode, "shortCode");
        Objects.requireNonNull(qr, "qr");
    }

    @Override
    public String toString() {
        return "Slip[…]";
    }
}
