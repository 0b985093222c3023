/**
 * Words and refusals, in Vietnamese and English: the {@link kioskvote.text.Language}, the bundles
 * {@code messages_vi.properties} and {@code messages_en.properties} read through
 * {@link kioskvote.text.Texts}, and {@link kioskvote.text.Refusal} / {@link kioskvote.text.Refused},
 * the shape of every feature's refusal type (a stable code and typed values, no words, no HTTP status).
 *
 * <p>This package imports only the JDK, nothing of the station's other packages: every feature may
 * use it, and it knows none of them. HTTP statuses belong to web/ErrorCatalog.
 */
package kioskvote.text;
