package kioskvote.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meeting's certificate authority can vouch for the station's own addresses and localhost only: a certificate it
 * signs for another name or address does not validate (PKIX, as a staff device's TLS client checks it), its key is
 * written 0600, and it is made anew when the laptop's address is no longer one it covers.
 */
class MeetingCaTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void theStationsCertificateValidatesAndOneForAnotherNameOrAddressDoesNot() throws Exception {
        InetAddress station = InetAddress.getByName("192.0.2.10");
        MeetingCa ca = MeetingCa.create(List.of(station), random, CLOCK);
        assertTrue(ca.certificate().getCriticalExtensionOIDs().contains("2.5.29.30"), "name constraints, critical, on the root");
        assertTrue(ca.signer().getCriticalExtensionOIDs().contains("2.5.29.30"), "and on the signer, inside every chain");
        assertEquals(0, ca.signer().getBasicConstraints(), "the signer signs servers only, no other CA");

        ServerIdentity identity = ca.issueServer(List.of(station), random, CLOCK);
        validate(ca, identity.chain().get(0)); // 192.0.2.10, 127.0.0.1, ::1, localhost: within the constraints

        for (GeneralName other : List.of(new GeneralName(GeneralName.dNSName, "bank.example"),
                new GeneralName(GeneralName.dNSName, "localhost.evil.example"),
                new GeneralName(GeneralName.iPAddress, "192.0.2.11"), new GeneralName(GeneralName.iPAddress, "10.0.0.1"))) {
            X509Certificate forged = signedByTheCa(ca, List.of(other));
            CertPathValidatorException refused = assertThrows(CertPathValidatorException.class, () -> validate(ca, forged), other.toString());
            assertTrue(String.valueOf(refused.getMessage()).toLowerCase().contains("name constraint")
                    || refused.getReason() == java.security.cert.PKIXReason.INVALID_NAME, refused.getMessage());
        }
    }

    @Test
    void itsKeyIsWrittenOwnerOnlyReadBackAsItWasAndMadeAnewForAnAddressItDoesNotCover() throws Exception {
        List<InetAddress> first = List.of(InetAddress.getByName("192.0.2.10"));
        MeetingCa made = MeetingCa.loadOrCreate(dir, first, random, CLOCK);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(dir.resolve(MeetingCa.KEY_FILE)));
        assertEquals(Set.of(MeetingCa.KEY_FILE, MeetingCa.SIGNER_FILE, MeetingCa.CERTIFICATE_FILE),
                Set.copyOf(Files.list(dir).map(f -> f.getFileName().toString()).toList()), "the root's key is written nowhere");
        assertTrue(Files.readString(dir.resolve(MeetingCa.KEY_FILE)).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(made.pem(), Files.readString(dir.resolve(MeetingCa.CERTIFICATE_FILE)));

        MeetingCa again = MeetingCa.loadOrCreate(dir, first, random, CLOCK);
        assertEquals(made.fingerprint(), again.fingerprint(), "the staff devices' installed CA stays valid across restarts");
        assertTrue(made.fingerprint().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), made.fingerprint());

        MeetingCa moved = MeetingCa.loadOrCreate(dir, List.of(InetAddress.getByName("192.0.2.77")), random, CLOCK);
        assertNotEquals(made.fingerprint(), moved.fingerprint(), "a new address: a new CA that covers it");
        validate(moved, moved.issueServer(List.of(InetAddress.getByName("192.0.2.77")), random, CLOCK).chain().get(0));
        MeetingCa later = MeetingCa.loadOrCreate(dir, List.of(InetAddress.getByName("192.0.2.77")), random,
                Clock.offset(CLOCK, MeetingCa.VALIDITY));
        assertNotEquals(moved.fingerprint(), later.fingerprint(), "an expired CA is made anew");
    }

    /**
     * Validates the chain leaf → signer → root as a TLS client would: the root as its only trust anchor, given as a
     * certificate alone (Java's PKIX, like several clients, does not read a trust anchor's own constraints), no revocation list.
     */
    static void validate(MeetingCa ca, X509Certificate leaf) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(CLOCK.instant()));
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, ca.signer())), parameters);
    }

    private X509Certificate signedByTheCa(MeetingCa ca, List<GeneralName> names) throws Exception {
        KeyPair pair = MeetingCa.ecKeyPair(random);
        return ServerIdentity.leaf(new X500Name("CN=not the station"), names, pair.getPublic(), ca.signer(), ca.signingKey(),
                MeetingCa.serial(random), Date.from(CLOCK.instant().minus(Duration.ofHours(1))), Date.from(CLOCK.instant().plus(Duration.ofDays(1))));
    }
}
