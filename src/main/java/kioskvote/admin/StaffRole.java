package kioskvote.admin;

/**
 * The people who sign in at the station. The organiser's passphrase does everything; the organiser
 * gives the chair (open, close, minutes) and the desk clerk (roster search, presence, hand-outs) their
 * own secret, so that a clerk cannot open or close a poll.
 */
public enum StaffRole {
    ORGANISER, CHAIR, DESK_CLERK
}
