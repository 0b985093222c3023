package kioskvote.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A tablet's kiosk key for tests that drive a kiosk over plain HTTP, as public/kiosk-key.js does in the page:
 * an Ed25519 key pair and a counter, and the X-Kiosk-Proof header of each request.
 */
public final class TestKioskKey {
    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    private final AtomicLong counter = new AtomicLong();

    /** The public half, as the tablet enrols with it. */
    public String publicHex() {
        return HexFormat.of().formatHex(key.generatePublicKey().getEncoded());
    }

    /** Registers this key for an enrolment made directly on the station's KioskEnrolments (in-process tests). */
    public String enrol(KioskEnrolments kiosks, String kiosk) {
        String secret = kiosks.enrol(kiosk);
        kiosks.requestProof().register(kiosk, secret, publicHex());
        return secret;
    }

    /** The header of a POST to {@code path} (no query) with this body, signed now on the machine's clock. */
    public String proof(String kiosk, String path, String body) {
        return proof(kiosk, path, body.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis());
    }

    public String proof(String kiosk, String path, byte[] body, long time) {
        long n = counter.incrementAndGet();
        byte[] message = KioskRequestProof.message(kiosk, "POST", path, body, n, time);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return n + "." + time + "." + HexFormat.of().formatHex(signer.generateSignature());
    }
}
