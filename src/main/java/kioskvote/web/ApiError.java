package kioskvote.web;

import java.util.Map;

/** The body of every error answer: a stable code and a message in Vietnamese and English. */
public record ApiError(int status, String code, String vi, String en) {
    public Map<String, Object> body() {
        return Map.of("error", Map.of("code", code, "message", Map.of("vi", vi, "en", en)));
    }
}
