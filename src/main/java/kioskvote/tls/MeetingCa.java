package kioskvote.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate authority the station makes for the meeting, so that staff devices reach it over HTTPS
 * (docs/security.md, "The network"). Two certificates: the <b>root</b> a staff device installs, and the <b>signer</b>
 * it certified, name-constrained (RFC 5280, critical) to "localhost" and the station's own IP addresses at the time
 * it was made. The root's key is thrown away as soon as it has signed the signer, so nothing but the signer can ever
 * chain to the root, and every TLS client enforces the constraints of a certificate inside the chain (not every one
 * reads them from a root it was given): a staff device that installs the root trusts nothing else it might sign. The
 * root carries the same constraints, for the clients that do read them. The signer's key stays in the data directory,
 * 0600; {@link #issueServer} signs the station's HTTPS certificate with it at every start.
 */
public final class MeetingCa {
    public static final String KEY_FILE = "meeting-ca.key";
    public static final String CERTIFICATE_FILE = "meeting-ca.crt";
    public static final String SIGNER_FILE = "meeting-ca-signer.crt";
    /** Long enough for a meeting and its preparation; a new one is made when it runs out. */
    static final Duration VALIDITY = Duration.ofDays(90);

    private final PrivateKey key;
    private final X509Certificate signer;
    private final X509Certificate certificate;

    MeetingCa(PrivateKey key, X509Certificate signer, X509Certificate certificate) {
        this.key = key;
        this.signer = signer;
        this.certificate = certificate;
    }

    /**
     * The CA in {@code dir}, or a new one (written 0600) when there is none, it has expired, or it does not cover one of
     * {@code addresses} (the laptop got another address since): staff devices then install the new one.
     */
    public static MeetingCa loadOrCreate(Path dir, List<InetAddress> addresses, SecureRandom random, Clock clock) {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certFile = dir.resolve(CERTIFICATE_FILE);
        Path signerFile = dir.resolve(SIGNER_FILE);
        if (Files.exists(keyFile) && Files.exists(certFile) && Files.exists(signerFile)) {
            MeetingCa existing = read(keyFile, signerFile, certFile);
            Instant soon = clock.instant().plus(Duration.ofDays(1));
            if (existing.signer.getNotAfter().toInstant().isAfter(soon) && existing.covers(addresses)) return existing;
        }
        MeetingCa made = create(addresses, random, clock);
        try {
            Pem.writeOwnerOnly(keyFile, Pem.encode(made.key));
            Pem.writeOwnerOnly(signerFile, Pem.encode(made.signer));
            Pem.writeOwnerOnly(certFile, made.pem());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the meeting's certificate authority to " + dir + ": " + e.getMessage(), e);
        }
        return made;
    }

    static MeetingCa create(List<InetAddress> addresses, SecureRandom random, Clock clock) {
        try {
            Instant now = clock.instant();
            Date from = Date.from(now.minus(Duration.ofHours(1)));
            Date until = Date.from(now.plus(VALIDITY));
            byte[] tag = new byte[4];
            random.nextBytes(tag); // a staff device may hold the CAs of several meetings: their names differ
            String id = HexFormat.of().formatHex(tag);
            X500Name rootName = new X500Name("CN=kioskvote meeting CA " + id + ",O=kioskvote");
            X500Name signerName = new X500Name("CN=kioskvote meeting CA " + id + " signer,O=kioskvote");
            NameConstraints constraints = constraints(addresses);
            KeyPair root = ecKeyPair(random);
            KeyPair signer = ecKeyPair(random);
            var rootBuilder = new JcaX509v3CertificateBuilder(rootName, serial(random), from, until, rootName, root.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.nameConstraints, true, constraints);
            var signerBuilder = new JcaX509v3CertificateBuilder(rootName, serial(random), from, until, signerName, signer.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.nameConstraints, true, constraints);
            var rootSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(root.getPrivate());
            // Both signed, the root's key goes out of scope here: it is never written anywhere.
            return new MeetingCa(signer.getPrivate(), convert(signerBuilder.build(rootSigner)), convert(rootBuilder.build(rootSigner)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the meeting's certificate authority: " + e.getMessage(), e);
        }
    }

    /** Permitted: the name "localhost" and each address (with its loopback ones) exactly; nothing else. */
    private static NameConstraints constraints(List<InetAddress> addresses) {
        List<GeneralSubtree> permitted = new ArrayList<>();
        permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, "localhost")));
        for (InetAddress a : withLoopback(addresses)) {
            byte[] address = a.getAddress();
            byte[] withMask = new byte[address.length * 2];
            System.arraycopy(address, 0, withMask, 0, address.length);
            java.util.Arrays.fill(withMask, address.length, withMask.length, (byte) 0xff); // this one address only
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(withMask))));
        }
        return new NameConstraints(permitted.toArray(GeneralSubtree[]::new), null);
    }

    /** The station's HTTPS identity for this run: a fresh key, and a certificate for localhost and these addresses. */
    public ServerIdentity issueServer(List<InetAddress> addresses, SecureRandom random, Clock clock) {
        try {
            KeyPair pair = ecKeyPair(random);
            Instant now = clock.instant();
            Instant until = now.plus(Duration.ofDays(30)).isBefore(signer.getNotAfter().toInstant())
                    ? now.plus(Duration.ofDays(30)) : signer.getNotAfter().toInstant();
            List<GeneralName> names = new ArrayList<>();
            names.add(new GeneralName(GeneralName.dNSName, "localhost"));
            for (InetAddress a : withLoopback(addresses)) names.add(new GeneralName(GeneralName.iPAddress, a.getHostAddress()));
            X509Certificate leaf = ServerIdentity.leaf(new X500Name("CN=kioskvote station"), names, pair.getPublic(), signer,
                    key, serial(random), Date.from(now.minus(Duration.ofHours(1))), Date.from(until));
            return ServerIdentity.of(pair.getPrivate(), List.of(leaf, signer, certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the station's HTTPS certificate: " + e.getMessage(), e);
        }
    }

    /** The signer's private key, for the tests of its name constraints (they sign what the station never would). */
    PrivateKey signingKey() {
        return key;
    }

    /** The constrained certificate that signs the station's: sent in the chain by the HTTPS port. */
    X509Certificate signer() {
        return signer;
    }

    /** The root: what a staff device installs and trusts. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as PEM: what a staff device installs. */
    public String pem() {
        return Pem.encode(certificate);
    }

    /** SHA-256 of the root certificate (DER), as a phone's or browser's certificate details show it: "AB:CD:…". */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the name constraints permit every one of these addresses. */
    boolean covers(List<InetAddress> addresses) {
        byte[] ext = signer.getExtensionValue(Extension.nameConstraints.getId());
        if (ext == null) return false;
        NameConstraints constraints = NameConstraints.getInstance(DEROctetString.getInstance(ext).getOctets());
        Set<String> permitted = java.util.Arrays.stream(constraints.getPermittedSubtrees())
                .map(t -> t.getBase()).filter(n -> n.getTagNo() == GeneralName.iPAddress)
                .map(n -> HexFormat.of().formatHex(DEROctetString.getInstance(n.getName()).getOctets())).collect(Collectors.toSet());
        for (InetAddress a : addresses) {
            byte[] address = a.getAddress();
            String mask = "ff".repeat(address.length);
            if (!permitted.contains(HexFormat.of().formatHex(address) + mask)) return false;
        }
        return true;
    }

    private static MeetingCa read(Path keyFile, Path signerFile, Path certFile) {
        try {
            Object key = Pem.read(keyFile);
            Object signer = Pem.read(signerFile);
            Object cert = Pem.read(certFile);
            if (!(key instanceof PrivateKeyInfo info) || !(signer instanceof X509CertificateHolder s) || !(cert instanceof X509CertificateHolder c)) {
                throw new IllegalStateException(keyFile + ", " + signerFile + " or " + certFile + " is not what the station wrote; "
                        + "move the three away to make a new certificate authority");
            }
            return new MeetingCa(new JcaPEMKeyConverter().getPrivateKey(info), convert(s), convert(c));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the meeting's certificate authority (" + keyFile + "): " + e.getMessage(), e);
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    static KeyPair ecKeyPair(SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    static BigInteger serial(SecureRandom random) {
        return new BigInteger(128, random).setBit(127); // positive, 16 bytes: unguessable, as CA/B asks of serials
    }

    /** The addresses and the loopback ones: staff on the laptop may use https://127.0.0.1 too. */
    private static List<InetAddress> withLoopback(List<InetAddress> addresses) {
        List<InetAddress> all = new ArrayList<>(addresses);
        for (String loopback : List.of("127.0.0.1", "::1")) {
            try {
                InetAddress a = InetAddress.getByName(loopback);
                if (!all.contains(a)) all.add(a);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return "MeetingCa[" + certificate.getSubjectX500Principal().getName().toLowerCase(Locale.ROOT) + "]"; // never the key
    }
}
