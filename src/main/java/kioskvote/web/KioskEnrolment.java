package kioskvote.web;

import java.util.Optional;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import kioskvote.kiosk.KioskEnrolmentCodes;
import kioskvote.kiosk.KioskRejected;
import kioskvote.kiosk.KioskEnrolments;
import kioskvote.kiosk.KioskRequestProof;
import kioskvote.kiosk.KioskSessions;

/**
 * A tablet enrolled as a kiosk without the organiser's passphrase ever touching it: the organiser asks for a
 * one-time code on the station laptop (POST /admin/kiosks/code) and types it on the tablet's "not enrolled"
 * page (POST /kiosk/NAME/enrol) with the public half of the key pair the page made for it (public/kiosk-key.js),
 * which then signs every kiosk POST (kiosk/KioskRequestProof); the tablet receives the kiosk's cookie.
 */
final class KioskEnrolment {
    private KioskEnrolment() {
    }

    /** POST /admin/kiosks/code (name=phong-1), on the laptop: the code, shown once, valid ten minutes. */
    static void showCode(Context ctx, KioskEnrolments kiosks) {
        String kiosk = KioskSessions.requireName(Optional.ofNullable(ctx.formParam("name")).map(String::strip).orElse(null));
        String code = kiosks.enrolmentCodes().issue(kiosk);
        PageText t = PageText.of(ctx);
        Pages.message(ctx, t, "kiosk-enrolment-code", t.format("kioskCode.title", kiosk), code,
                t.format("kioskCode.help", kiosk, KioskEnrolmentCodes.VALID_FOR.toMinutes()));
    }

    /** POST /kiosk/NAME/enrol (code=…, key=64 hex digits), on the tablet: enrolled and sent to the kiosk's welcome page, or 403. */
    static void enrol(Context ctx, KioskEnrolments kiosks) {
        String kiosk = KioskSessions.requireName(ctx.pathParam("name"));
        // Checked before the code is spent: without its key the tablet could not sign, and the code stays good.
        String key = KioskRequestProof.parseKey(ctx.formParam("key"))
                .orElseThrow(() -> new KioskRejected(KioskRejected.Code.KIOSK_KEY_MISSING, kiosk));
        if (!kiosks.enrolmentCodes().redeem(kiosk, ctx.formParam("code"))) {
            throw new KioskRejected(KioskRejected.Code.KIOSK_CODE_WRONG, kiosk);
        }
        String secret = kiosks.enrol(kiosk);
        kiosks.requestProof().register(kiosk, secret, key);
        ctx.res().addHeader("Set-Cookie", KioskEnrolments.COOKIE + "=" + secret + "; Path=/kiosk; Max-Age="
                + KioskEnrolments.ENROLMENT_COOKIE_AGE.toSeconds() + "; HttpOnly; SameSite=Strict");
        ctx.redirect("/kiosk/" + kiosk, HttpStatus.SEE_OTHER);
    }
}
