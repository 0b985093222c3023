package kioskvote.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import kioskvote.kiosk.KioskRejected;
import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.CastReceipt;
import kioskvote.text.Language;
import kioskvote.meeting.Poll;
import kioskvote.ballot.ReceiptCode;
import kioskvote.poll.PollStatus;
import kioskvote.slip.QrPhotoReader;
import kioskvote.token.ShortCode;
import kioskvote.token.TokenCodec;
import kioskvote.token.TokenRejected;
import kioskvote.kiosk.KioskSessions.CredentialKind;
import kioskvote.kiosk.KioskSessions.Session;
import kioskvote.kiosk.KioskSessions;

/**
 * The tablet kiosk (/kiosk/{name}): one page that kiosk.js drives without ever navigating, so the
 * browser's history holds the welcome page only. The ways in: a scanned or typed token or slip URL, the
 * slip's short code, a photo of the slip, or a ballot the desk sent to this kiosk. Each gives a session
 * (KioskSessions) that the ballot fragments carry; the credential itself never reaches the page.
 * Every answer is Cache-Control: no-store.
 */
final class KioskPages {
    static final int DEFAULT_IDLE_SECONDS = 90;
    static final int DEFAULT_RECEIPT_SECONDS = 10;
    /** A phone photo is a few megabytes; more is not a photo of a slip. */
    static final long MAX_PHOTO_BYTES = 16L * 1024 * 1024;

    private final Station station;

    KioskPages(Station station) {
        this.station = station;
    }

    /** GET /kiosk/{name}: the welcome screen. ?idle=seconds and ?receipt=seconds configure the timers. */
    void welcome(Context ctx) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        Map<String, Object> params = new HashMap<>();
        params.put("t", text(ctx));
        params.put("meeting", station.meeting());
        params.put("kiosk", kiosk);
        params.put("idleSeconds", seconds(ctx.queryParam("idle"), DEFAULT_IDLE_SECONDS, 3, 3600));
        params.put("receiptSeconds", seconds(ctx.queryParam("receipt"), DEFAULT_RECEIPT_SECONDS, 1, 120));
        Pages.render(ctx, "kiosk.jte", params);
    }

    /** POST /kiosk/{name}/start: form field code = a scanned token or slip URL, or the short code typed. */
    void start(Context ctx) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        startWith(ctx, kiosk, Optional.ofNullable(ctx.formParam("code")).orElse(""));
    }

    /** POST /kiosk/{name}/photo: a photo of the slip (multipart field photo), its QR code read on the station. */
    void photo(Context ctx) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        if (ctx.contentLength() > MAX_PHOTO_BYTES) throw BadRequest.tooLarge();
        UploadedFile file;
        try {
            file = ctx.uploadedFile("photo");
        } catch (RuntimeException e) { // not multipart, or a multipart body without its boundary
            throw new BadRequest(ErrorCatalog.photoUnreadable());
        }
        if (file == null) throw BadRequest.missing("photo");
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) MAX_PHOTO_BYTES + 1);
        } catch (IOException e) {
            throw new BadRequest(ErrorCatalog.photoUnreadable());
        }
        if (bytes.length > MAX_PHOTO_BYTES) throw BadRequest.tooLarge();
        String text = QrPhotoReader.read(bytes).orElseThrow(() -> new BadRequest(ErrorCatalog.photoUnreadable()));
        startWith(ctx, kiosk, text);
    }

    /**
     * Before every /kiosk/* request: the browser must be enrolled as this kiosk (its HttpOnly cookie). The
     * welcome page answers a friendly 403 page in both languages; every other kiosk request a 403 kiosk_not_enrolled.
     */
    void requireEnrolled(Context ctx) {
        String[] parts = ctx.path().split("/"); // "", "kiosk", name, step…
        String kiosk = KioskSessions.requireName(parts.length > 2 ? parts[2] : null);
        if (station.kiosks().isEnrolled(kiosk, ctx.cookie(KioskSessions.COOKIE))) return;
        if (ctx.method() == HandlerType.GET && parts.length == 3) {
            ctx.status(403);
            Pages.render(ctx, "kiosk-not-enrolled.jte", Map.of("kiosk", kiosk, "error", ErrorCatalog.kioskNotEnrolled()));
            ctx.skipRemainingHandlers();
            return;
        }
        throw new KioskRejected(KioskRejected.Code.KIOSK_NOT_ENROLLED, kiosk);
    }

    /** POST /kiosk/{name}/desk: 204, or the ballot the desk sent to this kiosk (once). A POST: it takes the ballot away. */
    void fromDesk(Context ctx) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        Pages.noStore(ctx);
        expireOldSessions();
        Optional<Session> sent = station.kiosks().pickUp(kiosk);
        if (sent.isEmpty()) {
            ctx.status(204);
            return;
        }
        Session session = sent.get();
        String pollId = session.pollId().orElseThrow();
        if (!isOpen(pollId)) {
            abandon(session);
            throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        }
        showBallot(ctx, session, poll(pollId), ReceiptCode.randomSecret(station.random()), Map.of());
    }

    /** POST /kiosk/{name}/review: the choices and the blanks, before the final cast. */
    void review(Context ctx) {
        Session session = session(ctx);
        BallotForm form = BallotForm.read(ctx, station.meeting());
        requireSessionPoll(session, form.poll());
        check(session, form.poll());
        Map<String, Object> params = new HashMap<>();
        params.put("t", text(ctx));
        params.put("poll", form.poll());
        params.put("session", session.id());
        params.put("receipt", ReceiptCode.requireSecret(form.receipt()));
        params.put("marks", form.marks());
        params.put("blanks", form.blanks());
        Pages.render(ctx, "kiosk-review.jte", params);
    }

    /** POST /kiosk/{name}/change: back to the ballot as it was. */
    void change(Context ctx) {
        Session session = session(ctx);
        BallotForm form = BallotForm.read(ctx, station.meeting());
        requireSessionPoll(session, form.poll());
        showBallot(ctx, session, form.poll(), ReceiptCode.requireSecret(form.receipt()), form.marks());
    }

    /**
     * POST /kiosk/{name}/cast: spends the credential, forgets the session, shows the receipt code. The same
     * cast sent again within a minute (its answer was lost) shows the same receipt instead of "session gone".
     */
    void cast(Context ctx) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        Optional<String> done = station.kiosks().recentReceipt(kiosk, ctx.formParam("session"), ctx.formParam("receipt"));
        if (done.isPresent()) {
            Pages.render(ctx, "kiosk-receipt.jte", Map.of("t", text(ctx), "code", done.get()));
            return;
        }
        Session session = session(ctx);
        BallotForm form = BallotForm.read(ctx, station.meeting());
        requireSessionPoll(session, form.poll());
        CastReceipt receipt = session.kind() == CredentialKind.TOKEN
                ? station.ballotBox().cast(form.poll().id(), session.credential(), form.marks(), form.receipt())
                : station.ballotBox().castByShortCode(form.poll().id(), session.credential(), form.marks(), form.receipt());
        station.kiosks().endCast(session.kiosk(), session.id(), receipt.receiptCode());
        Pages.render(ctx, "kiosk-receipt.jte", Map.of("t", text(ctx), "code", receipt.receiptCode()));
    }

    /** POST /kiosk/{name}/abandon: the kiosk timed out mid-ballot; a ballot the desk sent is voided so it can be replaced. */
    void abandon(Context ctx) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        station.kiosks().end(kiosk, ctx.formParam("session")).ifPresent(this::abandon);
        Pages.noStore(ctx);
        ctx.status(204);
    }

    private void startWith(Context ctx, String kiosk, String typed) {
        expireOldSessions();
        Credential credential = credential(typed);
        List<PollStatus> open = station.desk().statuses().stream().filter(s -> s.state().equals("open")).toList();
        if (open.isEmpty()) throw new BallotRejected(BallotRejected.Code.POLL_NOT_OPEN);
        // The first open poll this credential has not voted in; a refusal other than "already used" is shown at once.
        TokenRejected used = null;
        for (PollStatus status : open) {
            Poll poll = poll(status.pollId());
            try {
                check(credential, poll);
            } catch (TokenRejected e) {
                if (e.reason() != TokenRejected.Reason.ALREADY_USED) throw e;
                used = e;
                continue;
            }
            Session session = station.kiosks().start(kiosk, credential.kind(), credential.value(), Optional.empty());
            showBallot(ctx, session, poll, ReceiptCode.randomSecret(station.random()), Map.of());
            return;
        }
        throw used;
    }

    private void showBallot(Context ctx, Session session, Poll poll, String receipt, Map<String, List<String>> marks) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", text(ctx));
        params.put("meeting", station.meeting());
        params.put("poll", poll);
        params.put("session", session.id());
        params.put("receipt", receipt);
        params.put("marks", marks);
        Pages.render(ctx, "kiosk-ballot.jte", params);
    }

    private record Credential(CredentialKind kind, String value) {
        @Override
        public String toString() {
            return "Credential[" + kind + "]";
        }
    }

    /**
     * What the voter gave: a slip URL (…/V/digits, as a scanner types it), the 198 digits alone, or the
     * short code printed under the QR (dashes, spaces and case do not matter).
     */
    private static Credential credential(String typed) {
        String text = typed.strip();
        int slash = text.lastIndexOf('/');
        if (slash >= 0) text = text.substring(slash + 1);
        if (text.length() == TokenCodec.ENCODED_LENGTH && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Credential(CredentialKind.TOKEN, text);
        }
        Optional<String> code = ShortCode.normalize(text);
        if (code.isPresent() && slash < 0) return new Credential(CredentialKind.SHORT_CODE, code.get());
        throw new TokenRejected(TokenRejected.Reason.MALFORMED);
    }

    private void check(Credential credential, Poll poll) {
        if (credential.kind() == CredentialKind.TOKEN) station.ballotBox().checkToken(poll.id(), credential.value());
        else station.ballotBox().checkShortCode(poll.id(), credential.value());
    }

    private void check(Session session, Poll poll) {
        check(new Credential(session.kind(), session.credential()), poll);
    }

    /** The session the form names, on this kiosk; a wiped or expired one is gone. */
    private Session session(Context ctx) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        return station.kiosks().find(kiosk, ctx.formParam("session"))
                .orElseThrow(() -> new KioskRejected(KioskRejected.Code.KIOSK_SESSION_GONE, kiosk));
    }

    private static void requireSessionPoll(Session session, Poll poll) {
        if (session.pollId().isPresent() && !session.pollId().get().equals(poll.id())) {
            throw new BallotRejected(BallotRejected.Code.UNKNOWN_POLL);
        }
    }

    private void abandon(Session session) {
        session.desk().ifPresent(d -> station.roster().kioskBallotAbandoned(d.kioskHandle(), d.pollId(), session.credential()));
    }

    private void expireOldSessions() {
        station.kiosks().expire().forEach(this::abandon);
    }

    private boolean isOpen(String pollId) {
        return station.desk().status(pollId).state().equals("open");
    }

    private Poll poll(String pollId) {
        return station.meeting().poll(pollId).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
    }

    /** The kiosk's language comes from its URL (?lang=en), never a cookie: the tablet keeps nothing. */
    private static PageText text(Context ctx) {
        return new PageText(Language.fromCode(Optional.ofNullable(ctx.queryParam("lang")).map(s -> s.toLowerCase(Locale.ROOT)).orElse("vi")));
    }

    private static int seconds(String value, int fallback, int min, int max) {
        if (value == null) return fallback;
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
