package kioskvote.slip;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import kioskvote.token.Token;

/**
 * Printable slips minted ahead of the organiser's print run, kept in memory only, so that a run of 2,000 slips does
 * not wait for 2,000 scrypt hashes of short codes (docs/performance.md). Minted on the station's one minting thread
 * in small batches, each stored (hashes only) in a transaction of its own and counted as issued only when a run
 * takes it (docs/security.md, "Slips"). Tokens still here when the station stops are lost with it: stored as
 * hashes, in nobody's hands, as the desk pool's.
 */
final class PrintReserve {
    /** One stored batch of the reserve: small, so that a run asked for while it fills finds what is ready. */
    static final int BATCH = 100;
    /**
     * A run's page is rendered after it takes its tokens (2,000 QR codes on every core): the top-up waits this long,
     * so that it does not compete with it (docs/performance.md).
     */
    static final long TOP_UP_DELAY_MS = 2000;

    private final int target;
    private final IntFunction<List<Token>> mint;
    private final ScheduledExecutorService minter;
    private final List<Token> tokens = new ArrayList<>();
    private boolean filling;

    /** @param mint issues n fresh tokens as one uncounted batch, in its own transaction */
    PrintReserve(int target, IntFunction<List<Token>> mint, ScheduledExecutorService minter) {
        if (target < 1) throw new IllegalArgumentException("a reserve of at least 1");
        this.target = target;
        this.mint = mint;
        this.minter = minter;
    }

    /** Up to n ready tokens, at once (fewer, or none, while the reserve fills); the reserve is topped up a little later. */
    List<Token> take(int n) {
        List<Token> taken;
        synchronized (this) {
            int from = Math.max(0, tokens.size() - n);
            taken = new ArrayList<>(tokens.subList(from, tokens.size()));
            tokens.subList(from, tokens.size()).clear();
        }
        minter.schedule(this::fillLater, TOP_UP_DELAY_MS, TimeUnit.MILLISECONDS);
        return taken;
    }

    /** Tokens a run took but did not issue (its transaction failed): nobody holds them, they are ready again. */
    synchronized void putBack(List<Token> unused) {
        tokens.addAll(unused);
    }

    synchronized int size() {
        return tokens.size();
    }

    int target() {
        return target;
    }

    /** Tops the reserve up on the minting thread, a batch at a time, each batch queued behind what is already there. */
    void fillLater() {
        synchronized (this) {
            if (filling || tokens.size() >= target) return;
            filling = true;
        }
        minter.execute(this::mintOneBatch);
    }

    private void mintOneBatch() {
        int missing;
        synchronized (this) {
            missing = Math.min(BATCH, target - tokens.size());
        }
        try {
            if (missing > 0) {
                List<Token> fresh = mint.apply(missing);
                synchronized (this) {
                    tokens.addAll(fresh);
                }
            }
        } finally {
            synchronized (this) {
                filling = false;
            }
        }
        fillLater(); // the next batch goes behind anything queued meanwhile (a desk pool refill)
    }
}
