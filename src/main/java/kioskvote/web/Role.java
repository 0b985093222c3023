package kioskvote.web;

import io.javalin.security.RouteRole;

import kioskvote.admin.StaffRole;

/**
 * Who may call a route. Every route in {@link Routes} names its roles, and {@link Access} is the one place
 * they are checked. The organiser's passphrase holds every staff role; the chair and the desk clerk sign
 * in with the secret the organiser set for them and may call only the routes that name their role.
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

    /** The route role a signed-in staff member holds. */
    static Role of(StaffRole staff) {
        return switch (staff) {
            case ORGANISER -> ORGANISER;
            case CHAIR -> CHAIR;
            case DESK_CLERK -> DESK_CLERK;
        };
    }

    /** The organiser may call every staff route; the chair and the desk clerk only the routes that name them. */
    boolean mayCall(java.util.Set<? extends RouteRole> routeRoles) {
        return this == ORGANISER || routeRoles.contains(this);
    }
}
