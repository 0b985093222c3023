package kioskvote.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;

import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;
import org.junit.jupiter.api.Test;

/** The station's Shamir sharing is BouncyCastle's (AES field), both ways: so a card is the card either would make. */
class ShamirTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void theFieldIsTheOneOfAes() {
        assertEquals(0xC1, Shamir.multiply(0x57, 0x83)); // FIPS 197, 4.2
        assertEquals(0xFE, Shamir.multiply(0x57, 0x13));
        for (int a = 1; a < 256; a++) assertEquals(1, Shamir.multiply(a, Shamir.inverse(a)));
    }

    @Test
    void sharesBouncyCastleMakesAreCombinedHereAndSharesMadeHereByBouncyCastle() throws Exception {
        for (int round = 0; round < 20; round++) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            int threshold = 1 + random.nextInt(4);
            int count = threshold + random.nextInt(3);
            ShamirSplitSecretShare[] theirs = new ShamirSecretSplitter(ShamirSecretSplitter.Algorithm.AES, ShamirSecretSplitter.Mode.Native, 32, random)
                    .resplit(secret.clone(), threshold, count).getSecretShares();
            byte[][] shares = new byte[threshold][];
            int[] xs = new int[threshold];
            for (int i = 0; i < threshold; i++) {
                int pick = count - 1 - i; // the last k shares
                shares[i] = theirs[pick].getEncoded();
                xs[i] = pick + 1;
            }
            assertArrayEquals(secret, Shamir.combine(shares, xs), "BouncyCastle's shares, combined here");

            byte[][] ours = Shamir.split(secret, threshold, count, random);
            ShamirSplitSecretShare[] picked = new ShamirSplitSecretShare[threshold];
            for (int i = 0; i < threshold; i++) picked[i] = new ShamirSplitSecretShare(ours[i], i + 1);
            assertArrayEquals(secret, new ShamirSplitSecret(ShamirSecretSplitter.Algorithm.AES, ShamirSecretSplitter.Mode.Native, picked).getSecret(),
                    "shares made here, combined by BouncyCastle");
        }
    }
}
