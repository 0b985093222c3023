package kioskvote.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * What the HTTPS connector serves: a private key and its certificate chain, in an in-memory key store (its password is
 * only the key store API's; the key is in memory already), and the meeting's CA when the station made it.
 */
public record ServerIdentity(KeyStore keyStore, char[] password, List<X509Certificate> chain, Optional<MeetingCa> meetingCa) {
    static final String ALIAS = "station";

    static ServerIdentity of(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
        char[] password = "kioskvote".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        store.setKeyEntry(ALIAS, key, password, chain.toArray(X509Certificate[]::new));
        return new ServerIdentity(store, password, List.copyOf(chain), Optional.empty());
    }

    /** The same identity, saying which meeting CA signed it (for the laptop's HTTPS page). */
    public ServerIdentity signedBy(MeetingCa ca) {
        return new ServerIdentity(keyStore, password, chain, Optional.of(ca));
    }

    /** A server certificate for these names (TLS server auth only), signed by the CA's key. */
    static X509Certificate leaf(X500Name subject, List<GeneralName> names, PublicKey publicKey, X509Certificate ca, PrivateKey caKey,
                                BigInteger serial, Date from, Date until) throws GeneralSecurityException {
        try {
            // The issuer's name byte for byte as the CA's subject, so that path building matches them.
            X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
            var builder = new JcaX509v3CertificateBuilder(issuer, serial, from, until, subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
