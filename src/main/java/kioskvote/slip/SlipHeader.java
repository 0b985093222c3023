package kioskvote.slip;

import java.util.Objects;
import java.util.Optional;

import kioskvote.meeting.WifiNetwork;

/** What every slip of a batch repeats: the meeting, an optional poll note, the batch and the key fingerprint. */
public record SlipHeader(String meetingTitle, String pollNote, String batchLabel, String fingerprint, Optional<WifiNetwork> wifi) {
    public SlipHeader(String meetingTitle, String pollNote, String batchLabel, String fingerprint) {
        this(meetingTitle, pollNote, batchLabel, fingerprint, Optional.empty());
    }

    /** The Wi-Fi QR code printed on every slip, drawn once for the whole sheet. */
    public Optional<String> wifiSvg() {
        return wifi.map(w -> QrCode.encode(w.qrText()).toSvg("Mã QR Wi-Fi / Wi-Fi QR code"));
    }

    public SlipHeader {
        Objects.requireNonNull(wifi, "wifi");
        Objects.requireNonNull(meetingTitle, "meetingTitle");
        Objects.requireNonNull(pollNote, "pollNote");
        Objects.requireNonNull(batchLabel, "batchLabel");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
