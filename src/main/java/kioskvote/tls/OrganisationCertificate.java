package kioskvote.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * An organisation's own certificate (with its chain) and key, as PEM files (`serve --tls-cert --tls-key`): for a name
 * the organisation's network resolves and every device already trusts, so phones can use HTTPS too.
 */
public final class OrganisationCertificate {
    private OrganisationCertificate() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static ServerIdentity load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Object o : readAll(certificateFile)) {
            if (!(o instanceof X509CertificateHolder holder)) continue;
            try {
                chain.add(new JcaX509CertificateConverter().getCertificate(holder));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(certificateFile + ": a certificate that cannot be read (" + e.getMessage() + ")");
            }
        }
        if (chain.isEmpty()) throw new IllegalArgumentException(certificateFile + ": no certificate (expected PEM, \"-----BEGIN CERTIFICATE-----\")");
        PrivateKey key = readAll(keyFile).stream().map(OrganisationCertificate::privateKey).filter(k -> k != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(keyFile + ": no private key (expected PEM, \"-----BEGIN PRIVATE KEY-----\", "
                        + "not encrypted)"));
        if (!matches(key, chain.get(0))) {
            throw new IllegalArgumentException(keyFile + ": this key is not the key of the first certificate in " + certificateFile);
        }
        try {
            return ServerIdentity.of(key, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(certificateFile + ": " + e.getMessage());
        }
    }

    private static List<Object> readAll(Path file) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file); PEMParser pem = new PEMParser(reader)) {
            for (Object o; (o = pem.readObject()) != null; ) objects.add(o);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable as PEM (" + e.getMessage() + ")");
        }
        return objects;
    }

    private static PrivateKey privateKey(Object pem) {
        try {
            if (pem instanceof PrivateKeyInfo info) return new JcaPEMKeyConverter().getPrivateKey(info);
            if (pem instanceof PEMKeyPair pair) return new JcaPEMKeyConverter().getKeyPair(pair).getPrivate(); // "RSA/EC PRIVATE KEY"
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("a private key that cannot be read: " + e.getMessage());
        }
    }

    /** The key signs what the certificate's public key verifies. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "Ed25519";
            byte[] probe = "kioskvote".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            var signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            var verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

}
