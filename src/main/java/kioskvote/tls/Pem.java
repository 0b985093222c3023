package kioskvote.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text of keys and certificates, and files only their owner can read. */
final class Pem {
    private Pem() {
    }

    static String encode(Object keyOrCertificate) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            if (keyOrCertificate instanceof java.security.PrivateKey key) {
                pem.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null)); // PKCS#8, "PRIVATE KEY"
            } else {
                pem.writeObject(keyOrCertificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** The first PEM object of a file (a certificate holder, a PKCS#8 key info), or null. */
    static Object read(Path file) throws IOException {
        try (var pem = new org.bouncycastle.openssl.PEMParser(Files.newBufferedReader(file))) {
            return pem.readObject();
        }
    }

    /** Writes {@code text} to a file created 0600 (before any byte is written, so the key is never readable by others). */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp); // not a POSIX file system: the data directory's own protection applies
        }
        Files.writeString(temp, text, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
