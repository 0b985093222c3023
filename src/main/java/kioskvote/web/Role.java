package kioskvote.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route in {@link Routes} names its roles, and {@link Access} is the one place
 * they are checked. The organiser's credential (passphrase or admin session) holds every staff role; the
 * staff roles are kept apart so that the desk clerk and the chair can be given their own credentials.
 */
enum Role implements RouteRole {
    /** Anyone on the meeting's network: the front page, static pages, the sign-in form. */
    ANYONE,
    /** A voter's phone: the slip's token in the URL or body is the credential, checked by the ballot box. */
    VOTER,
    /** The projector and anyone in the room: turnout always, results only after the close. */
    CHAIR_SCREEN,
    /** A tablet enrolled as a kiosk by the organiser (its HttpOnly enrolment cookie). */
    KIOSK,
    /** The check-in desk: roster search, presence, hand-outs. */
    DESK_CLERK,
    /** The chair: open and close polls, minutes. */
    CHAIR,
    /** Everything, including slips, the roster import and kiosk enrolment. */
    ORGANISER;

    boolean isPublic() {
        return this == ANYONE || this == VOTER || this == CHAIR_SCREEN;
    }

    boolean isStaff() {
        return this == DESK_CLERK || this == CHAIR || this == ORGANISER;
    }
}
