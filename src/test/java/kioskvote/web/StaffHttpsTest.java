package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kioskvote.App;
import kioskvote.config.MeetingLoader;
import kioskvote.store.Database;
import kioskvote.tls.MeetingCa;

/**
 * With --staff-lan, a staff device on the network reaches the staff pages over HTTPS with the meeting's certificate
 * authority and only so: tried from this machine's own non-loopback address (another device, as far as the station
 * can tell) with a real TLS client that trusts nothing but the meeting CA, as a staff device that installed it does.
 */
class StaffHttpsTest {
    private static final String ORGANISER = "organiser-passphrase-1";

    @TempDir
    Path dir;
    private Javalin server;
    private MeetingCa ca;
    private int httpsPort;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    @Test
    void aStaffDeviceTrustingOnlyTheMeetingCaSignsInAndWorksOverHttpsFromTheNetwork() throws Exception {
        String lan = lanAddress();
        start();
        String https = "https://" + lan + ":" + httpsPort;
        HttpClient device = HttpClient.newBuilder().sslContext(trusting(ca.certificate())).cookieHandler(new CookieManager()).build();

        HttpResponse<String> form = send(device, HttpRequest.newBuilder(URI.create(https + "/admin")).GET());
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("id=\"passphrase\""), "the sign-in form, over HTTPS from the network");
        HttpResponse<String> signIn = send(device, HttpRequest.newBuilder(URI.create(https + "/admin")).header("Origin", https)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("passphrase=" + ORGANISER)));
        assertEquals(303, signIn.statusCode(), signIn.body());
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("; Secure"), "a cookie set over HTTPS is never sent to the plain-HTTP port: " + setCookie);
        assertEquals(200, send(device, HttpRequest.newBuilder(URI.create(https + "/admin/desk")).GET()).statusCode(), "the desk");
        HttpResponse<String> page = send(device, HttpRequest.newBuilder(URI.create(https + "/admin/https")).GET());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(ca.fingerprint()), "the laptop's HTTPS page shows the CA's fingerprint");

        // The same session cookie replayed on the plain-HTTP port from the network opens nothing.
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpClient air = HttpClient.newHttpClient();
        HttpResponse<String> plain = send(air, HttpRequest.newBuilder(URI.create("http://" + lan + ":" + server.port() + "/admin/desk")).header("Cookie", cookie).GET());
        assertEquals(403, plain.statusCode());
        assertTrue(plain.body().contains("data-code=\"staff_needs_https\""), plain.body());
        HttpResponse<String> bearer = send(air, HttpRequest.newBuilder(URI.create("http://" + lan + ":" + server.port() + "/api/admin/roster?q=a"))
                .header("Authorization", "Bearer " + ORGANISER).GET());
        assertEquals(403, bearer.statusCode(), "the passphrase sent in clear is refused before it is looked at");
        // Voters' pages stay on plain HTTP.
        assertEquals(200, send(air, HttpRequest.newBuilder(URI.create("http://" + lan + ":" + server.port() + "/")).GET()).statusCode());
    }

    @Test
    void aClientThatHasNotInstalledTheMeetingCaCannotTalkToTheHttpsPortAndTheCertificateIsOfferedForInstalling() throws Exception {
        String lan = lanAddress();
        start();
        HttpClient stranger = HttpClient.newHttpClient(); // the JDK's public roots: the station's certificate is not among them
        assertThrows(SSLHandshakeException.class, () -> stranger.send(HttpRequest.newBuilder(URI.create("https://" + lan + ":" + httpsPort + "/admin"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        // The certificate is public (plain HTTP, for the staff device to fetch); its fingerprint on the laptop is what to trust.
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + lan + ":" + server.port()
                + "/meeting-ca.crt")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        X509Certificate fetched = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(download.body()));
        assertEquals(ca.certificate(), fetched);
        assertEquals(ca.pem(), new String(download.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void aStationWithoutHttpsHasNoCertificateToOfferAndSaysSo() throws Exception {
        server = App.serve(openStation(), 0, StaffNetwork.LAPTOP_ONLY);
        HttpResponse<String> none = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/meeting-ca.crt")).GET());
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("no_meeting_ca"), none.body());
    }

    private void start() throws Exception {
        var station = openStation();
        List<InetAddress> addresses = LanAddresses.addresses();
        ca = MeetingCa.loadOrCreate(dir.resolve("data"), addresses, new SecureRandom(), Clock.systemUTC());
        try (ServerSocket free = new ServerSocket(0)) {
            httpsPort = free.getLocalPort();
        }
        var identity = ca.issueServer(addresses, new SecureRandom(), Clock.systemUTC()).signedBy(ca);
        var page = new HttpsPage(Optional.of(ca), false, addresses.stream().map(a -> "https://" + a.getHostAddress() + ":" + httpsPort).toList());
        server = App.serve(station, 0, new StaffNetwork(true), Optional.of(new App.StationHttps(identity, httpsPort, page)));
        assertEquals(httpsPort, HttpsConnector.port(server));
    }

    private App.Station openStation() throws Exception {
        Path config = dir.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("meeting.yaml"), Files.readString(Path.of("kiosk-config/demo/meeting.yaml"))
                + "\nstation:\n  admin_passphrase: " + ORGANISER + "\n");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        var settings = new App.Settings(MeetingLoader.load(config), data, data, Database.h2Url(data), "http://127.0.0.1:0");
        var station = App.open(settings, Clock.systemUTC(), new SecureRandom(), new PrintStream(OutputStream.nullOutputStream()));
        return station;
    }

    /** An SSL context that trusts this one certificate and nothing else: a device that installed the meeting CA. */
    private static SSLContext trusting(X509Certificate root) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("meeting-ca", root);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), new SecureRandom());
        return context;
    }

    /** An address of this machine that is not loopback: to the station, another device on the network. */
    private static String lanAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return a.getHostAddress();
            }
        }
        assumeTrue(false, "this machine has no non-loopback IPv4 address");
        return null;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
