package kioskvote.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import kioskvote.ballot.BallotRejected;
import kioskvote.ballot.ReceiptCode;
import kioskvote.kiosk.KioskBooth.KioskBallot;
import kioskvote.kiosk.KioskBooth;
import kioskvote.kiosk.KioskSealing;
import kioskvote.kiosk.KioskSessions.Session;
import kioskvote.kiosk.KioskSessions;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.slip.QrPhotoReader;
import kioskvote.text.Language;

/**
 * The tablet kiosk's pages (/kiosk/{name}): one page that kiosk.js drives without ever navigating, so the
 * browser's history holds the welcome page only. What happens at the kiosk is KioskBooth's; this class
 * reads the request and renders the fragment. Every answer is Cache-Control: no-store.
 */
public final class KioskPages {
    static final int DEFAULT_IDLE_SECONDS = 90;
    static final int DEFAULT_RECEIPT_SECONDS = 30; // time to write the receipt code down; "done" ends it sooner
    /** A phone photo is a few megabytes; more is not a photo of a slip. */
    static final long MAX_PHOTO_BYTES = 16L * 1024 * 1024;

    private final Meeting meeting;
    private final KioskBooth booth;
    private final KioskSealing sealing;
    private final SecureRandom random;
    private final Clock clock;

    public KioskPages(Meeting meeting, KioskBooth booth, KioskSealing sealing, SecureRandom random, Clock clock) {
        this.meeting = meeting;
        this.booth = booth;
        this.sealing = sealing;
        this.random = random;
        this.clock = clock;
    }

    /** GET /kiosk/{name}: the welcome screen. ?idle=seconds and ?receipt=seconds configure the timers. */
    void welcome(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", text(ctx));
        params.put("meeting", meeting);
        params.put("kiosk", kiosk(ctx));
        params.put("idleSeconds", seconds(ctx.queryParam("idle"), DEFAULT_IDLE_SECONDS, 3, 3600));
        params.put("receiptSeconds", seconds(ctx.queryParam("receipt"), DEFAULT_RECEIPT_SECONDS, 1, 120));
        params.put("now", clock.millis()); // the page signs its requests with the station's time (kiosk/KioskRequestProof)
        Pages.render(ctx, "kiosk.jte", params);
    }

    /** POST /kiosk/{name}/start: form field code = a scanned token or slip URL, or the short code typed. */
    void start(Context ctx) {
        showBallot(ctx, booth.start(kiosk(ctx), Optional.ofNullable(ctx.formParam("code")).orElse("")), Map.of(), null);
    }

    /** POST /kiosk/{name}/photo: a photo of the slip (multipart field photo), its QR code read on the station. */
    void photo(Context ctx) {
        String kiosk = kiosk(ctx);
        if (ctx.contentLength() > MAX_PHOTO_BYTES) throw BadRequest.tooLarge();
        UploadedFile file;
        try {
            file = ctx.uploadedFile("photo");
        } catch (Exception e) { // not multipart, a broken multipart body (Jetty throws checked exceptions), or too large
            throw isTooLarge(e) ? BadRequest.tooLarge() : BadRequest.badMultipart();
        }
        if (file == null) throw BadRequest.missing("photo");
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) MAX_PHOTO_BYTES + 1);
        } catch (IOException e) {
            throw BadRequest.photoUnreadable();
        }
        if (bytes.length > MAX_PHOTO_BYTES) throw BadRequest.tooLarge();
        String text = QrPhotoReader.read(bytes).orElseThrow(BadRequest::photoUnreadable);
        showBallot(ctx, booth.start(kiosk, text), Map.of(), null);
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("exceeds max")) return true;
        }
        return false;
    }

    /** POST /kiosk/{name}/desk: 204, or the ballot the desk sent to this kiosk (once). A POST: it takes the ballot away. */
    void fromDesk(Context ctx) {
        Pages.noStore(ctx);
        Optional<KioskBallot> sent = booth.pickUpFromDesk(kiosk(ctx));
        if (sent.isEmpty()) {
            ctx.status(204);
            return;
        }
        showBallot(ctx, sent.get(), Map.of(), null);
    }

    /** POST /kiosk/{name}/review: the choices and the blanks, before the final cast. */
    void review(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        Session session = booth.session(kiosk(ctx), ctx.formParam("session"), form.poll());
        booth.requireUsable(session, form.poll());
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
        BallotForm form = BallotForm.read(ctx, meeting);
        Session session = booth.session(kiosk(ctx), ctx.formParam("session"), form.poll());
        showBallot(ctx, new KioskBallot(session, form.poll()), form.marks(), ReceiptCode.requireSecret(form.receipt()));
    }

    /** POST /kiosk/{name}/cast: spends the credential, forgets the session, shows the receipt code. */
    void cast(Context ctx) {
        BallotForm form = BallotForm.read(ctx, meeting);
        String code = booth.cast(kiosk(ctx), ctx.formParam("session"), form.poll(), form.marks(), form.receipt());
        Pages.render(ctx, "kiosk-receipt.jte", Map.of("t", text(ctx), "code", code));
    }

    record SealedCast(String session, String poll, String sealed, String proof) {
    }

    /** POST /kiosk/{name}/sealed-cast {session, poll, sealed, proof}: a ballot the page sealed → {alreadyCounted}; no code back. */
    void sealedCast(Context ctx) {
        SealedCast request = JsonBody.read(ctx, SealedCast.class);
        if (request.poll() == null) throw BadRequest.missing("poll");
        Poll poll = meeting.poll(request.poll()).orElseThrow(() -> new BallotRejected(BallotRejected.Code.UNKNOWN_POLL));
        boolean retry = sealing.cast(kiosk(ctx), request.session(), poll, request.sealed(), request.proof());
        Pages.noStore(ctx);
        ctx.json(new VoterJson.SealedCastAcknowledged(retry));
    }

    /** POST /kiosk/{name}/abandon: the kiosk timed out mid-ballot. */
    void abandon(Context ctx) {
        booth.abandon(kiosk(ctx), ctx.formParam("session"));
        Pages.noStore(ctx);
        ctx.status(204);
    }

    private void showBallot(Context ctx, KioskBallot ballot, Map<String, List<String>> marks, String receipt) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", text(ctx));
        params.put("meeting", meeting);
        params.put("poll", ballot.poll());
        params.put("session", ballot.session().id());
        // A sealed poll's receipt secret is drawn in the page (public/kiosk-device.js): the station writes none.
        params.put("receipt", ballot.poll().sealed() ? "" : receipt != null ? receipt : ReceiptCode.randomSecret(random));
        params.put("marks", marks);
        Pages.render(ctx, "kiosk-ballot.jte", params);
    }

    private static String kiosk(Context ctx) {
        return KioskSessions.requireName(ctx.pathParam("name"));
    }

    /** The kiosk's language comes from its URL (?lang=en), never a cookie: the tablet keeps nothing. */
    static PageText text(Context ctx) {
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
