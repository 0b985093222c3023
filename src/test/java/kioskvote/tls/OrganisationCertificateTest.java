package kioskvote.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An organisation's own certificate and key, as PEM files: read with their chain, or refused naming the file and the fault. */
class OrganisationCertificateTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    /** Writes an organisation's certificate (with its CA after it) and key as PEM files: [certificate file, key file, the certificate]. */
    static Object[] organisation(Path dir, List<InetAddress> addresses, SecureRandom random) throws Exception {
        MeetingCa org = MeetingCa.create(addresses, random, Clock.systemUTC());
        KeyPair pair = MeetingCa.ecKeyPair(random);
        List<GeneralName> names = new java.util.ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost")));
        for (InetAddress a : addresses) names.add(new GeneralName(GeneralName.iPAddress, a.getHostAddress()));
        X509Certificate leaf = ServerIdentity.leaf(new X500Name("CN=bo-phieu.so-xay-dung.example"), names, pair.getPublic(), org.signer(),
                org.signingKey(), MeetingCa.serial(random), new Date(System.currentTimeMillis() - 3_600_000),
                Date.from(java.time.Instant.now().plus(Duration.ofDays(30))));
        Path cert = dir.resolve("station.crt");
        Path key = dir.resolve("station.key");
        Files.writeString(cert, Pem.encode(leaf) + Pem.encode(org.signer()));
        Files.writeString(key, Pem.encode(pair.getPrivate()));
        return new Object[] {cert, key, leaf, org};
    }

    @Test
    void theCertificateItsChainAndItsKeyAreRead() throws Exception {
        Object[] o = organisation(dir, List.of(InetAddress.getByName("192.0.2.10")), random);
        ServerIdentity identity = OrganisationCertificate.load((Path) o[0], (Path) o[1]);
        assertEquals(o[2], identity.chain().get(0));
        assertEquals(2, identity.chain().size(), "the chain after it");
        assertTrue(identity.meetingCa().isEmpty());
        assertTrue(identity.keyStore().isKeyEntry(ServerIdentity.ALIAS));
    }

    @Test
    void aKeyOfAnotherCertificateAFileWithoutACertificateAndAnUnreadableFileAreRefusedByName() throws Exception {
        Object[] o = organisation(dir, List.of(InetAddress.getByName("192.0.2.10")), random);
        Path otherKey = dir.resolve("other.key");
        Files.writeString(otherKey, Pem.encode(MeetingCa.ecKeyPair(random).getPrivate()));
        IllegalArgumentException wrongKey = assertThrows(IllegalArgumentException.class, () -> OrganisationCertificate.load((Path) o[0], otherKey));
        assertTrue(wrongKey.getMessage().contains("other.key: this key is not the key of the first certificate"), wrongKey.getMessage());
        IllegalArgumentException noCert = assertThrows(IllegalArgumentException.class, () -> OrganisationCertificate.load((Path) o[1], (Path) o[1]));
        assertTrue(noCert.getMessage().contains("station.key: no certificate"), noCert.getMessage());
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class, () -> OrganisationCertificate.load((Path) o[0], (Path) o[0]));
        assertTrue(noKey.getMessage().contains("station.crt: no private key"), noKey.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> OrganisationCertificate.load(dir.resolve("nothing.crt"), (Path) o[1]));
        assertTrue(missing.getMessage().contains("nothing.crt: not readable"), missing.getMessage());
    }
}
