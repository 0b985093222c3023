package kioskvote.seal;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Shamir's k-of-n secret sharing byte by byte over GF(2⁸) with the AES polynomial x⁸+x⁴+x³+x+1: share x (1…n) of
 * a secret is f(x) for a random polynomial f of degree k−1 with f(0) = the secret; k shares give f(0) back by
 * Lagrange interpolation. The same sharing as BouncyCastle's {@code ShamirSecretSplitter} (AES algorithm), which
 * ShamirTest checks both ways, written here because BouncyCastle's share objects keep copies of the shares that
 * cannot be zeroed, and the station must hold no card after the open and after the count (docs/security.md,
 * "Memory"). Every array this class makes is zeroed before it returns; the field arithmetic has no tables and
 * no branches on secret values.
 */
final class Shamir {
    private Shamir() {
    }

    /** {@code count} shares of {@code secret}, share i (0-based) for x = i + 1; the caller zeroes them. */
    static byte[][] split(byte[] secret, int threshold, int count, SecureRandom random) {
        byte[][] shares = new byte[count][secret.length];
        byte[] coefficients = new byte[threshold];
        try {
            for (int j = 0; j < secret.length; j++) {
                coefficients[0] = secret[j];
                for (int c = 1; c < threshold; c++) coefficients[c] = (byte) random.nextInt(256);
                for (int i = 0; i < count; i++) shares[i][j] = (byte) evaluate(coefficients, i + 1);
            }
            return shares;
        } finally {
            Arrays.fill(coefficients, (byte) 0);
        }
    }

    /** f(0) from k shares {@code shares[i]} taken at {@code xs[i]} (distinct, 1…255); the caller zeroes it. */
    static byte[] combine(byte[][] shares, int[] xs) {
        int length = shares[0].length;
        byte[] secret = new byte[length];
        for (int i = 0; i < shares.length; i++) {
            int weight = 1; // the Lagrange basis polynomial of x_i, at 0: Π x_m / (x_m − x_i), − being ⊕
            for (int m = 0; m < shares.length; m++) {
                if (m != i) weight = multiply(weight, multiply(xs[m], inverse(xs[m] ^ xs[i])));
            }
            for (int j = 0; j < length; j++) secret[j] ^= (byte) multiply(shares[i][j] & 0xFF, weight);
        }
        return secret;
    }

    /** Horner's rule: the polynomial with these coefficients (constant first) at x. */
    private static int evaluate(byte[] coefficients, int x) {
        int y = 0;
        for (int c = coefficients.length - 1; c >= 0; c--) y = multiply(y, x) ^ (coefficients[c] & 0xFF);
        return y;
    }

    /** a·b in GF(2⁸) mod x⁸+x⁴+x³+x+1, in constant time. */
    static int multiply(int a, int b) {
        int product = 0;
        for (int i = 0; i < 8; i++) {
            product ^= a & -(b & 1);
            b >>= 1;
            int high = -((a >> 7) & 1);
            a = ((a << 1) ^ (0x11B & high)) & 0xFF;
        }
        return product;
    }

    /** a⁻¹ = a²⁵⁴ (a ≠ 0). */
    static int inverse(int a) {
        if (a == 0) throw new ArithmeticException("zero has no inverse");
        int result = 1;
        int square = a;
        for (int e = 254; e > 0; e >>= 1) {
            if ((e & 1) != 0) result = multiply(result, square);
            square = multiply(square, square);
        }
        return result;
    }
}
