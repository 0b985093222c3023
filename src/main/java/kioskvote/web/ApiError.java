package kioskvote.web;

import kioskvote.text.BothLanguages;

/** The body of every error answer: a stable code and a message in Vietnamese and English. */
public record ApiError(int status, String code, String vi, String en) {
    /** The one refusal's wire form (docs/api.md, "Errors"): {"error": {"code", "message": {"vi", "en"}}}. */
    public record Body(Detail error) {
    }

    public record Detail(String code, BothLanguages message) {
    }

    public Body body() {
        return new Body(new Detail(code, new BothLanguages(vi, en)));
    }
}
