package kioskvote.meeting;

import java.util.Objects;

import kioskvote.text.Language;

/** One choice of a question: an id stable across languages, and its label in Vietnamese and English. */
public record Option(String id, String labelVi, String labelEn) {
    public Option {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(labelVi, "labelVi");
        Objects.requireNonNull(labelEn, "labelEn");
        if (!id.matches("[a-z0-9_-]{1,40}")) throw new IllegalArgumentException("option id must be 1-40 of a-z 0-9 _ -: " + id);
    }

    public String label(Language language) {
        return language == Language.EN ? labelEn : labelVi;
    }
}
