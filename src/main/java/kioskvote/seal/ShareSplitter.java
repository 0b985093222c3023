package kioskvote.seal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a ballot box's private key among the counting committee (Shamir's k-of-n secret sharing over
 * GF(2⁸), {@link Shamir}, the same as BouncyCastle's {@code ShamirSecretSplitter}) and recombines it from k shares. Fewer than k
 * shares say nothing about the key. A recombined key is accepted only if it matches the box's
 * public key, so a wrong combination is refused before any ballot is touched.
 */
public final class ShareSplitter {
    /** Shares are numbered 1…n in one byte. */
    public static final int MAX_SHARES = 255;

    private ShareSplitter() {
    }

    /** {@code count} shares, any {@code threshold} of which rebuild the key pair's private key. */
    public static List<KeyShare> split(BoxKeyPair pair, int threshold, int count, SecureRandom random) {
        if (threshold < 1 || threshold > count || count > MAX_SHARES) {
            throw new IllegalArgumentException("need 1 ≤ threshold ≤ count ≤ " + MAX_SHARES + ", not " + threshold + " of " + count);
        }
        byte[] secret = pair.privateKeyCopy();
        byte[][] parts = Shamir.split(secret, threshold, count, random);
        try {
            int fingerprint = pair.publicKey().fingerprint();
            List<KeyShare> shares = new ArrayList<>(count);
            for (int i = 0; i < count; i++) shares.add(new KeyShare(fingerprint, threshold, i + 1, parts[i]));
            return List.copyOf(shares);
        } finally {
            Arrays.fill(secret, (byte) 0);
            for (byte[] part : parts) Arrays.fill(part, (byte) 0);
        }
    }

    /**
     * Checks shares one by one as a committee presents them: another box's share or a card given twice
     * is refused with its reason. Returns the shares without duplicates, in the order given.
     */
    public static List<KeyShare> checkAgainst(BallotBoxKey box, List<KeyShare> shares) {
        Map<Integer, KeyShare> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < shares.size(); i++) {
            KeyShare share = shares.get(i);
            if (share.boxFingerprint() != box.fingerprint()) {
                throw ShareRejected.of(ShareRejected.Reason.OTHER_BOX, "card " + share.index() + " belongs to box "
                        + String.format("%08X", share.boxFingerprint())).at(i + 1);
            }
            if (byIndex.putIfAbsent(share.index(), share) != null) {
                throw ShareRejected.of(ShareRejected.Reason.DUPLICATE, "card " + share.index() + " given twice").at(i + 1);
            }
        }
        return List.copyOf(byIndex.values());
    }

    /**
     * Rebuilds the box's key pair from at least k shares and checks it against {@code box}. With more
     * than k shares, every k-subset is tried in turn, so one bad card among extra ones does no harm.
     * The caller closes the returned key pair (zeroing the private key).
     */
    public static BoxKeyPair recombine(BallotBoxKey box, List<KeyShare> given) {
        List<KeyShare> shares = checkAgainst(box, given);
        if (shares.isEmpty()) throw ShareRejected.tooFew(0, 1);
        int threshold = shares.get(0).threshold();
        for (KeyShare share : shares) {
            if (share.threshold() != threshold) {
                throw ShareRejected.of(ShareRejected.Reason.WRONG_COMBINATION, "the cards disagree on how many are needed");
            }
        }
        if (shares.size() < threshold) throw ShareRejected.tooFew(shares.size(), threshold);
        for (List<KeyShare> subset : subsets(shares, threshold)) {
            BoxKeyPair candidate = combine(subset);
            if (box.equals(candidate.publicKey())) return candidate;
            candidate.close();
        }
        throw ShareRejected.of(ShareRejected.Reason.WRONG_COMBINATION, "the shares do not rebuild this box's key");
    }

    private static BoxKeyPair combine(List<KeyShare> shares) {
        byte[][] parts = new byte[shares.size()][];
        int[] xs = new int[shares.size()];
        try {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = shares.get(i).shareBytes();
                xs[i] = shares.get(i).index();
            }
            return BoxKeyPair.ofPrivateKey(Shamir.combine(parts, xs)); // the key pair owns (and zeroes) the secret
        } finally {
            for (byte[] part : parts) if (part != null) Arrays.fill(part, (byte) 0);
        }
    }

    /** Every subset of {@code size} elements, in lexicographic order of positions. */
    static <T> List<List<T>> subsets(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        collect(items, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static <T> void collect(List<T> items, int size, int from, List<T> chosen, List<List<T>> out) {
        if (chosen.size() == size) {
            out.add(List.copyOf(chosen));
            return;
        }
        for (int i = from; i <= items.size() - (size - chosen.size()); i++) {
            chosen.add(items.get(i));
            collect(items, size, i + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }
}
