package kioskvote.slip;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntFunction;

import kioskvote.token.Token;

/**
 * The check-in desk's tokens, minted in bulk long before they are handed out and kept in memory only.
 * A hand-out draws one at random and writes nothing about it: the database learns that a person holds a
 * ballot (the roster) and, separately and much earlier, that a batch of tokens was issued, never which of
 * them went to whom. Below half its size the pool is topped up in the background, in a transaction of its
 * own, so a refill is never the hand-out's commit; only an empty pool (a burst) mints while a clerk waits.
 * Tokens still here when the station stops are lost with it: issued, never drawn, in nobody's hands.
 */
final class DeskPool {
    private final int target;
    private final IntFunction<List<Token>> mint;
    private final SecureRandom random;
    private final ExecutorService refiller;
    private final List<Token> tokens = new ArrayList<>();
    private boolean refilling;
    /** The fill started with the station (fillInBackground): a draw from the empty pool waits for it. */
    private CompletableFuture<Void> firstFill = CompletableFuture.completedFuture(null);

    /** @param mint issues n fresh tokens as one pool batch, in its own transaction */
    DeskPool(int target, IntFunction<List<Token>> mint, SecureRandom random) {
        this(target, mint, random, mintingThread());
    }

    /** @param refiller the station's one minting thread, shared with the printable slips' reserve */
    DeskPool(int target, IntFunction<List<Token>> mint, SecureRandom random, ExecutorService refiller) {
        if (target < 2) throw new IllegalArgumentException("a pool of at least 2");
        this.target = target;
        this.mint = mint;
        this.random = random;
        this.refiller = refiller;
    }

    /** One daemon thread: fresh tokens are hashed on one core, leaving the other to the station's requests. */
    static ScheduledExecutorService mintingThread() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slip-minting");
            t.setDaemon(true);
            return t;
        });
    }

    /** Mints the pool up to its size now (on the refill thread: at the station's start, and when half is drawn). */
    void fill() {
        int missing;
        synchronized (this) {
            missing = target - tokens.size();
        }
        if (missing > 0) add(mint.apply(missing));
    }

    /**
     * Mints the pool up to its size on the refill thread, once the station answers: with a large meeting the pool is
     * 2,000 scrypt hashes of short codes, which would otherwise be most of a start's CPU (docs/performance.md).
     */
    synchronized CompletableFuture<Void> fillInBackground() {
        refilling = true;
        firstFill = CompletableFuture.runAsync(() -> {
            try {
                fill();
            } finally {
                synchronized (this) {
                    refilling = false;
                }
            }
        }, refiller);
        return firstFill;
    }

    /** A token drawn uniformly at random from the pool. */
    Token draw() {
        CompletableFuture<Void> starting;
        synchronized (this) {
            if (!tokens.isEmpty()) return takeRandomAndMaybeRefill();
            starting = firstFill;
        }
        // A hand-out in the first seconds after the start waits for the pool then being minted, rather than
        // minting a second batch beside it; if that fill failed, this draw mints its own below.
        starting.exceptionally(failed -> null).join();
        synchronized (this) {
            if (!tokens.isEmpty()) return takeRandomAndMaybeRefill();
        }
        add(mint.apply(target)); // empty: a burst of hand-outs outran the refill
        synchronized (this) {
            return takeRandomAndMaybeRefill();
        }
    }

    /** A drawn token whose hand-out failed goes back, unused. */
    synchronized void putBack(Token token) {
        tokens.add(token);
    }

    synchronized int size() {
        return tokens.size();
    }

    private Token takeRandomAndMaybeRefill() {
        int i = random.nextInt(tokens.size());
        Token token = tokens.get(i);
        tokens.set(i, tokens.get(tokens.size() - 1));
        tokens.remove(tokens.size() - 1);
        if (tokens.size() < target / 2 && !refilling) {
            refilling = true;
            refiller.execute(() -> {
                try {
                    fill();
                } finally {
                    synchronized (this) {
                        refilling = false;
                    }
                }
            });
        }
        return token;
    }

    private synchronized void add(List<Token> fresh) {
        tokens.addAll(fresh);
    }
}
