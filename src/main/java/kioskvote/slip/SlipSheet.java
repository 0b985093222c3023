package kioskvote.slip;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Lays ballot slips out for printing: A4 portrait, 8 slips (2 × 4) per page, dashed cut lines. */
public final class SlipSheet {
    public static final int SLIPS_PER_PAGE = 8;

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private SlipSheet() {
    }

    public static String render(SlipHeader header, List<Slip> slips) {
        StringOutput out = new StringOutput();
        render(header, slips, out);
        return out.toString();
    }

    /** Streams the sheet: 2,000 slips make a page of several megabytes that need not sit in memory whole. */
    public static void render(SlipHeader header, List<Slip> slips, java.io.Writer writer) {
        render(header, slips, new gg.jte.output.WriterOutput(writer));
    }

    private static void render(SlipHeader header, List<Slip> slips, gg.jte.TemplateOutput out) {
        Objects.requireNonNull(header, "header");
        List<List<Slip>> pages = new ArrayList<>();
        for (int from = 0; from < slips.size(); from += SLIPS_PER_PAGE) {
            pages.add(List.copyOf(slips.subList(from, Math.min(from + SLIPS_PER_PAGE, slips.size()))));
        }
        TEMPLATES.render("slips.jte", Map.of("header", header, "pages", pages), out);
    }
}
