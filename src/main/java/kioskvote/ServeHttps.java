package kioskvote;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import kioskvote.tls.MeetingCa;
import kioskvote.tls.OrganisationCertificate;
import kioskvote.tls.ServerIdentity;
import kioskvote.web.HttpsPage;

/**
 * The station's HTTPS from the command line's choices (docs/security.md, "The network"): an organisation's own
 * certificate and key when given (every device may use HTTPS), else with --staff-lan the meeting's certificate
 * authority (made once, kept 0600 in the data directory) and a server certificate it signs for this start's
 * addresses; else none. Wiring only.
 */
final class ServeHttps {
    private ServeHttps() {
    }

    /** @throws IllegalArgumentException a certificate or key file that cannot be used, naming it */
    static Optional<App.StationHttps> choose(boolean staffLan, Optional<Path> certificate, Optional<Path> key, Path dataDir,
                                             List<InetAddress> addresses, int httpsPort, SecureRandom random, Clock clock) {
        List<String> urls = addresses.stream().map(a -> "https://" + a.getHostAddress() + ":" + httpsPort).toList();
        if (certificate.isPresent() && key.isPresent()) {
            ServerIdentity identity = OrganisationCertificate.load(certificate.get(), key.get());
            return Optional.of(new App.StationHttps(identity, httpsPort, new HttpsPage(Optional.empty(), true, urls)));
        }
        if (!staffLan) return Optional.empty();
        MeetingCa ca = MeetingCa.loadOrCreate(dataDir, addresses, random, clock);
        ServerIdentity identity = ca.issueServer(addresses, random, clock).signedBy(ca);
        return Optional.of(new App.StationHttps(identity, httpsPort, new HttpsPage(Optional.of(ca), false, urls)));
    }
}
