package kioskvote.text;

/** A text in Vietnamese and English, as the API answers it to people: {"vi": …, "en": …}. */
public record BothLanguages(String vi, String en) {
}
