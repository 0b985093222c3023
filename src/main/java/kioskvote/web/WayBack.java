package kioskvote.web;

import io.javalin.http.Context;

/**
 * Where a refusal page sends a person back to, so that no error is a dead end: staff to the admin page, a kiosk
 * to its start, everyone else to the room's page. Its language switch reloads the same page when that is a
 * plain GET, and otherwise switches on the way back (a form's POST is not sent again by a link).
 */
record WayBack(String path, String labelKey) {
    static WayBack of(String requestPath) {
        String p = requestPath == null ? "/" : requestPath;
        if (p.startsWith("/admin") || p.startsWith("/count") || p.startsWith("/chair")) return new WayBack("/admin", "error.back.admin");
        if (p.startsWith("/kiosk")) return new WayBack("/kiosk", "error.back.kiosk");
        return new WayBack("/", "error.back.room");
    }

    String languageSwitch(Context ctx, PageText t) {
        String lang = "lang=" + t.otherLang();
        return "GET".equals(ctx.method().name()) ? ctx.path() + "?" + lang : path + "?" + lang;
    }
}
