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
        Objects.requireNonNull(header, "header");
        List<List<Slip>> pages = new ArrayList<>();
        for (int from = 0; from < slips.size(); from += SLIPS_PER_PAGE) {
            pages.add(List.copyOf(slips.subList(from, Math.min(from + SLIPS_PER_PAGE, slips.size()))));
        }
        StringOutput out = new StringOutput();
        TEMPLATES.render("slips.jte", Map.of("header", header, "pages", pages), out);
        return out.toString();
    }
}
