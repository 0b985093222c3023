package kioskvote.text;

/** The two languages of every page and message; Vietnamese is the default. */
public enum Language {
    VI, EN;

    public static Language fromCode(String code) {
        return "en".equalsIgnoreCase(code) ? EN : VI;
    }

    public String code() {
        return name().toLowerCase();
    }
}
