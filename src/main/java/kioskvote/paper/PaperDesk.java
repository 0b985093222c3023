package kioskvote.paper;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.ballot.Credential;
import kioskvote.ballot.ReceiptCode;
import kioskvote.ballot.VotingRights;
import kioskvote.meeting.Poll;
import kioskvote.store.PaperBatchDao;
import kioskvote.text.Refused;

/**
 * Double entry of paper ballots (docs/rules.md, "Paper ballots"). Two tellers each enter the same batch; while
 * only one entry is in, the batch waits; when the two differ, the differences are listed for a recount and a
 * teller enters the batch again (their new entry replaces their old one); when they agree, every ballot is
 * cast through {@link VotingRights} with its slip's short code, exactly as at a kiosk, and the batch's count
 * is recorded. Pending entries live in memory only: a restart asks the tellers to enter the batch again.
 */
public final class PaperDesk {
    /** What an entry led to. */
    public enum State { WAITING_FOR_SECOND_ENTRY, DIFFERENCES, ACCEPTED }

    /** One difference between the two entries: the slip's code and what each teller entered (empty: not entered). */
    public record Difference(String code, Map<String, List<String>> first, Map<String, List<String>> second,
                             boolean inFirst, boolean inSecond) {
    }

    public record Outcome(State state, String batch, int ballots, List<String> tellers, List<Difference> differences) {
        public Outcome {
            tellers = List.copyOf(tellers);
            differences = List.copyOf(differences);
        }
    }

    private record Entry(String teller, List<PaperBallot> ballots) {
    }

    private final Jdbi jdbi;
    private final VotingRights rights;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;
    /** poll id + batch → the entries so far, by teller (two at most are compared). */
    private final Map<String, Map<String, Entry>> pending = new ConcurrentHashMap<>();

    public PaperDesk(Jdbi jdbi, VotingRights rights, AuditLog audit, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.rights = rights;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** A teller's entry of a batch; the poll must be open (paper ballots are counted like the others, before the close). */
    public synchronized Outcome enter(String pollId, String batch, String teller, List<PaperBallot> ballots) {
        Poll poll = rights.requireOpen(pollId);
        if (batch == null || !batch.matches("[A-Za-z0-9-]{1,40}")) throw new PaperRejected(PaperRejected.Code.BAD_BATCH);
        String who = teller == null ? "" : teller.strip();
        if (who.isEmpty() || who.length() > 100) throw new PaperRejected(PaperRejected.Code.BAD_TELLER);
        Objects.requireNonNull(ballots, "ballots");
        if (jdbi.withHandle(h -> new PaperBatchDao(h).exists(poll.id(), batch))) {
            throw new PaperRejected(PaperRejected.Code.BATCH_ALREADY_ACCEPTED);
        }
        String key = poll.id() + "\n" + batch;
        Map<String, Entry> entries = pending.computeIfAbsent(key, k -> new TreeMap<>());
        if (entries.size() == 2 && !entries.containsKey(who)) throw new PaperRejected(PaperRejected.Code.TWO_TELLERS_ALREADY);
        Map<String, Entry> next = new TreeMap<>(entries);
        next.put(who, new Entry(who, List.copyOf(ballots)));
        if (next.size() < 2) {
            entries.clear();
            entries.putAll(next);
            return new Outcome(State.WAITING_FOR_SECOND_ENTRY, batch, ballots.size(), List.copyOf(next.keySet()), List.of());
        }
        List<Entry> two = List.copyOf(next.values());
        List<Difference> differences = differences(two.get(0).ballots(), two.get(1).ballots());
        if (!differences.isEmpty()) {
            entries.clear();
            entries.putAll(next);
            return new Outcome(State.DIFFERENCES, batch, ballots.size(), List.copyOf(next.keySet()), differences);
        }
        accept(poll, batch, ballots);
        pending.remove(key);
        return new Outcome(State.ACCEPTED, batch, ballots.size(), List.copyOf(next.keySet()), List.of());
    }

    /** Every slip is checked before any is spent, so a refused slip leaves the whole batch as it was. */
    private void accept(Poll poll, String batch, List<PaperBallot> ballots) {
        List<String> refused = new ArrayList<>();
        for (PaperBallot ballot : ballots) {
            try {
                rights.check(new Credential(Credential.Kind.SHORT_CODE, ballot.code()), poll);
            } catch (Refused e) {
                refused.add(ballot.code() + " (" + e.code() + ")");
            }
        }
        if (!refused.isEmpty()) {
            throw new PaperRejected(PaperRejected.Code.SLIPS_REFUSED, Map.of("codes", String.join(", ", refused)));
        }
        for (PaperBallot ballot : ballots) {
            rights.cast(new Credential(Credential.Kind.SHORT_CODE, ballot.code()), poll.id(), ballot.marks(), ReceiptCode.randomSecret(random));
        }
        jdbi.useTransaction(h -> {
            new PaperBatchDao(h).insert(poll.id(), batch, ballots.size(), kioskvote.store.StoredTime.now(clock));
            audit.append(h, "paper-batch-accepted", "poll=" + poll.id() + " batch=" + batch + " ballots=" + ballots.size());
        });
    }

    static List<Difference> differences(List<PaperBallot> first, List<PaperBallot> second) {
        Map<String, PaperBallot> a = new TreeMap<>();
        first.forEach(b -> a.put(b.code(), b));
        Map<String, PaperBallot> b = new TreeMap<>();
        second.forEach(x -> b.put(x.code(), x));
        Set<String> codes = new TreeSet<>(a.keySet());
        codes.addAll(b.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String code : codes) {
            PaperBallot x = a.get(code);
            PaperBallot y = b.get(code);
            if (x != null && y != null && x.marks().equals(y.marks())) continue;
            differences.add(new Difference(code, x == null ? Map.of() : x.marks(), y == null ? Map.of() : y.marks(), x != null, y != null));
        }
        return differences;
    }
}
