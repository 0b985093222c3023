package kioskvote.tally;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/** The printable minutes (src/main/jte/minutes.jte), in the language of the minutes. */
public final class MinutesPage {
    private MinutesPage() {
    }

    public static String render(Minutes minutes) {
        StringOutput output = new StringOutput();
        Templates.ENGINE.render("minutes.jte",
                Map.of("minutes", minutes, "w", new MinutesWords(minutes.language())), output);
        return output.toString();
    }

    /** Loaded on first use: the template is precompiled into the jar at build time (jte-maven-plugin). */
    private static final class Templates {
        static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    }
}
