package kioskvote.meeting;

/**
 * Whether a sealed poll's ballot may be sealed at the station (meeting.yaml, {@code station: device_sealing:};
 * docs/security.md, "Sealed on the device"). PREFERRED: a page that can seal (the phone's and the kiosk's, with
 * JavaScript) does; a phone without JavaScript uses the form path, the marks travel to the station unsealed and
 * the station seals them. REQUIRED: the form path that posts marks is refused for sealed polls, and a phone
 * without JavaScript is sent to a kiosk or to paper.
 */
public enum DeviceSealingRule {
    PREFERRED, REQUIRED;

    /** True if a ballot of this poll may carry its marks to the station (the station then seals them). */
    public boolean allowsMarksOnTheAir(Poll poll) {
        return this == PREFERRED || !poll.sealed();
    }
}
