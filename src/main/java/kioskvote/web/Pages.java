package kioskvote.web;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the pages of src/main/jte/page; every page is sent with {@code Cache-Control: no-store}. */
final class Pages {
    private Pages() {
    }

    static void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        Templates.ENGINE.render("page/" + template, params, output);
        noStore(ctx);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }

    /** Renders into {@code output} (a key card's page: CardResponse); the caller sends it. */
    static void renderTo(String template, Map<String, Object> params, gg.jte.TemplateOutput output) {
        Templates.ENGINE.render("page/" + template, params, output);
    }

    /** A full-page explanation: a refusal, "no poll is open yet", and the like. */
    static void message(Context ctx, PageText t, String code, String title, String text, String help) {
        render(ctx, "message.jte", Map.of("t", t, "code", code, "title", title, "text", text, "help", help));
    }

    /** An error as a page, for people (the API answers JSON: see ErrorResponses.respond). */
    static void error(Context ctx, ApiError error) {
        PageText t = PageText.of(ctx);
        String specific = "error." + error.code() + ".help";
        ctx.status(error.status());
        WayBack back = WayBack.of(ctx.path());
        render(ctx, "message.jte", Map.of("t", t, "code", error.code(), "title", t.message(error), "text", "",
                "help", t.has(specific) ? t.get(specific) : t.get("error.help"),
                "back", back.path(), "backLabel", t.get(back.labelKey()), "langSwitch", back.languageSwitch(ctx, t)));
    }

    /** Nothing a page shows may stay in a cache or be restored from one: a ballot must not outlive its casting. */
    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    /** Loaded on first use: templates are precompiled into the jar at build time (jte-maven-plugin). */
    private static final class Templates {
        static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    }
}
