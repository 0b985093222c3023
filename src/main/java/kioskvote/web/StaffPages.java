package kioskvote.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.admin.AccessRefused;
import kioskvote.admin.StaffCredentials;
import kioskvote.admin.StaffRole;

/** The organiser gives the chair and the desk clerk their own secrets, or withdraws them (admin page forms). */
public final class StaffPages {
    private final StaffCredentials staff;

    public StaffPages(StaffCredentials staff) {
        this.staff = staff;
    }

    /** POST /admin/staff/{role}: the organiser sets the chair's or the desk clerk's secret (field secret). */
    void setStaffSecret(Context ctx) {
        staff.set(staffRole(ctx), ctx.formParam("secret"));
        ctx.redirect("/admin?done=staff-set", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/staff/{role}/remove: the organiser withdraws it; its sessions end. */
    void removeStaffSecret(Context ctx) {
        staff.remove(staffRole(ctx));
        ctx.redirect("/admin?done=staff-removed", HttpStatus.SEE_OTHER);
    }

    /** chair or desk_clerk, as in the URL; anything else is not a role the organiser can give a secret to. */
    static StaffRole staffRole(Context ctx) {
        return switch (ctx.pathParam("role")) {
            case "chair" -> StaffRole.CHAIR;
            case "desk_clerk" -> StaffRole.DESK_CLERK;
            default -> throw AccessRefused.roleNotAllowed();
        };
    }
}
