package kioskvote.web;

import java.util.Objects;

import io.javalin.http.Context;

import kioskvote.poll.PollStatus;
import kioskvote.text.Language;
import kioskvote.text.Texts;

/**
 * The words of the station's pages (phone ballot, chair screen, admin) in the request's language,
 * read from the bundles messages_vi/en.properties (see kioskvote.text.Texts). The language is chosen
 * by {@code ?lang=en|vi} (kept in a cookie) and only ever changes the words shown, never what a ballot
 * stores (option ids).
 */
public final class PageText {
    static final String COOKIE = "kv_lang";

    private final Language language;
    private final Texts texts;

    public PageText(Language language) {
        this.language = Objects.requireNonNull(language, "language");
        this.texts = Texts.of(language);
    }

    /** The language of this request: {@code ?lang=} if given (and remembered in a cookie), else the cookie, else Vietnamese. */
    static PageText of(Context ctx) {
        String asked = ctx.queryParam("lang");
        if ("vi".equals(asked) || "en".equals(asked)) {
            ctx.header("Set-Cookie", COOKIE + "=" + asked + "; Path=/; Max-Age=31536000; SameSite=Lax");
            return new PageText(Language.fromCode(asked));
        }
        return new PageText(Language.fromCode(ctx.cookie(COOKIE)));
    }

    public Language language() {
        return language;
    }

    public String lang() {
        return language.code();
    }

    /** The code of the other language, for the switch link. */
    public String otherLang() {
        return language == Language.EN ? "vi" : "en";
    }

    public boolean en() {
        return language == Language.EN;
    }

    /** The word for {@code key}; fails loudly on a missing key rather than showing a blank. */
    public String get(String key) {
        return texts.get(key);
    }

    /** The word for {@code key} with {0}, {1}… replaced by the arguments. */
    public String format(String key, Object... args) {
        return texts.format(key, args);
    }

    public boolean has(String key) {
        return texts.has(key);
    }

    public String state(PollStatus status) {
        return get("state." + status.phase());
    }

    /** A kind of poll in words, for the meeting editor: {@code editor.kind.<kind>}. */
    public String kindName(String kindCode) {
        return get("editor.kind." + kindCode);
    }

    /** A poll's state in the meeting editor: {@code editor.state.<state>}. */
    public String editorState(kioskvote.meeting.PollState state) {
        return get("editor.state." + state.code());
    }

    /** What a percentage or a majority is taken of: {@code editor.base.<base>} (received, valid, present, issued, summoned). */
    public String baseName(String baseCode) {
        return get("editor.base." + baseCode);
    }

    /** The ballot's opening line for its kind of poll: {@code ballot.intro.<kind>}. */
    public String ballotIntro(kioskvote.meeting.Poll poll) {
        return get("ballot.intro." + poll.kind().code());
    }

    /** A candidate's outcome on the chair's screen: {@code election.outcome.<outcome>}. */
    public String outcome(kioskvote.tally.CandidateResult.Outcome outcome) {
        return get("election.outcome." + outcome.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The outcome, naming the valid ballots when the election's majority is taken of them. */
    public String outcome(kioskvote.tally.CandidateResult.Outcome outcome, kioskvote.meeting.Election.MajorityOf of) {
        if (outcome == kioskvote.tally.CandidateResult.Outcome.NO_MAJORITY && of == kioskvote.meeting.Election.MajorityOf.VALID) {
            return get("election.outcome.no_majority_valid");
        }
        return outcome(outcome);
    }

    /** An error message in this language. */
    public String message(ApiError error) {
        return language == Language.EN ? error.en() : error.vi();
    }
}
