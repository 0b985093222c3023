package kioskvote.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;

import kioskvote.tls.MeetingCa;

/**
 * The laptop's page about the station's HTTPS (docs/security.md, "The network"): the meeting CA's fingerprint, which
 * a staff member compares on the device that installs it, the download of its certificate, and the HTTPS addresses.
 * The certificate itself is public (GET /meeting-ca.crt, plain HTTP, for the staff device to fetch): what makes it
 * trustworthy is the fingerprint read on this laptop's screen, and its name constraints limit it to this station.
 */
public final class HttpsPage {
    /** A station without HTTPS. */
    public static final HttpsPage NONE = new HttpsPage(Optional.empty(), false, List.of());

    private final Optional<MeetingCa> ca;
    private final boolean organisationCertificate;
    private final List<String> httpsUrls;

    public HttpsPage(Optional<MeetingCa> ca, boolean organisationCertificate, List<String> httpsUrls) {
        this.ca = ca;
        this.organisationCertificate = organisationCertificate;
        this.httpsUrls = List.copyOf(httpsUrls);
    }

    /** GET /admin/https (staff: on the laptop, or a staff device already on HTTPS). */
    void show(Context ctx) {
        PageText t = PageText.of(ctx);
        Pages.render(ctx, "https.jte", Map.of("t", t, "fingerprint", ca.map(MeetingCa::fingerprint).orElse(""),
                "organisation", organisationCertificate, "urls", httpsUrls, "langSwitch", "?lang=" + t.otherLang()));
    }

    /** GET /meeting-ca.crt: the meeting CA's certificate (PEM), for a staff device to install. */
    void certificate(Context ctx) {
        if (ca.isEmpty()) {
            PageText t = PageText.of(ctx);
            ctx.status(404);
            Pages.message(ctx, t, "no_meeting_ca", t.get("https.noCaTitle"), t.get("https.noCa"), "");
            return;
        }
        ctx.contentType("application/x-x509-ca-cert");
        ctx.header("Content-Disposition", "attachment; filename=\"kioskvote-meeting-ca.crt\"");
        ctx.result(ca.get().pem());
    }
}
