package kioskvote.slip;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.WifiNetwork;
import kioskvote.store.SlipDao.IssuedRow;
import kioskvote.store.SlipDao;
import kioskvote.store.SlipDao.NewToken;
import kioskvote.token.ShortCode;
import kioskvote.token.SlipHashes;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

/**
 * Issues runs of ballot slips and voids lost ones. The station records how many tokens it issued and
 * which were voided, never which slip went to whom.
 */
public final class SlipOffice {
    public static final int MAX_SLIPS_PER_RUN = 2000;

    /** A run of printed slips: its id, the label the organiser gave it ("Bàn 1"), printed on each slip, and the slips. */
    public record IssuedRun(String batchId, String label, List<Slip> slips) {
    }

    private final Jdbi jdbi;
    private final Meeting meeting;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;
    private final SlipHashes hashes;
    private final DeskPool pool;
    private final PrintReserve reserve;
    /** The desk pool's first fill, which App.serve waits for, hashes on every core; later ones on one. */
    private volatile boolean deskPoolFilledOnce;
    private final SlipRows newRows;
    private final TokensIssuedLog issuedAfterAnOpen;
    private Optional<WifiNetwork> wifi = Optional.empty();

    /**
     * @param hashes what is stored of a slip: the keyed hash of its public key, the slow keyed hash of its code
     * @param poolSize how many tokens the desk's pool holds (topped up when half are drawn), and the printable reserve
     */
    public SlipOffice(Jdbi jdbi, Meeting meeting, AuditLog audit, Clock clock, SecureRandom random,
                      SlipHashes hashes, int poolSize) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.hashes = hashes;
        var minting = DeskPool.mintingThread();
        this.pool = new DeskPool(poolSize, n -> mintUncounted(n, "Bàn phát phiếu (dự trữ) / Check-in desk pool", "desk-pool-minted",
                !deskPoolFilledOnce), random, minting);
        this.reserve = new PrintReserve(poolSize, n -> mintUncounted(n, "Phiếu in (dự trữ) / Printable slips reserve",
                "print-reserve-minted", false), minting);
        this.newRows = new SlipRows(hashes, random);
        this.issuedAfterAnOpen = new TokensIssuedLog(meeting, audit);
    }

    /** The pool size for a meeting: everyone summoned, with a margin, and never fewer than 64. */
    public static int poolSizeFor(Meeting meeting) {
        return Math.min(MAX_SLIPS_PER_RUN, Math.max(64, meeting.summoned() + meeting.summoned() / 4));
    }

    /**
     * The slow keyed hash a short code is stored and looked up as; empty if the text cannot be a short code, and
     * a code whose check character does not agree is refused naming its group.
     */
    public Optional<String> codeMac(String typedCode) {
        ShortCode.Reading reading = ShortCode.read(typedCode);
        if (!reading.wrongGroups().isEmpty()) throw TokenRejected.codeTypo(reading.wrongGroups().get(0));
        return reading.code().map(hashes::codeHash);
    }

    /** The stored id of a slip (the keyed hash of its public key): what it is spent and voided under. */
    public String storedIdOf(Token token) {
        return hashes.idOf(token);
    }

    public Optional<WifiNetwork> wifi() {
        return wifi;
    }

    /** The meeting room's Wi-Fi, printed on every slip from now on (meeting.yaml station.wifi); set once at start. */
    public SlipOffice printingWifi(Optional<WifiNetwork> network) {
        this.wifi = network;
        return this;
    }

    /**
     * A run of printable slips: taken from the reserve minted in the background as far as it goes (no hashing while
     * the organiser waits), the rest minted now on every core. The run's transaction counts them all as issued.
     */
    public IssuedRun issue(int count, String label, String baseUrl) {
        if (count < 1 || count > MAX_SLIPS_PER_RUN) throw new SlipRejected(SlipRejected.Code.BAD_SLIP_COUNT);
        byte[] id = new byte[8];
        random.nextBytes(id);
        String batchId = HexFormat.of().formatHex(id);
        List<Token> ready = reserve.take(count);
        List<Token> tokens = new ArrayList<>(ready);
        while (tokens.size() < count) tokens.add(Token.random(random));
        List<Token> fresh = tokens.subList(ready.size(), count);
        // The fresh codes' hashes, the ready tokens' stored ids and every QR code (each stands alone: on every core, in
        // the tokens' order), before any more of the background minting (SlipRows).
        record Prepared(List<NewToken> rows, List<String> readyIds, List<Slip> slips) {
        }
        Prepared prepared = newRows.beforeThePool(() -> new Prepared(newRows.of(fresh, batchId),
                ready.parallelStream().map(hashes::idOf).toList(), tokens.parallelStream().map(token -> {
            String url = QrCode.slipUrl(baseUrl, token.encoded());
            return new Slip(url, token.shortCode(), QrCode.encode(url));
        }).toList()));
        String cleanLabel = label == null || label.isBlank() ? "Đợt " + batchId : label.strip();
        try {
            jdbi.useTransaction(h -> {
                SlipDao dao = new SlipDao(h);
                dao.insertBatch(batchId, cleanLabel, count, now(), false);
                dao.insertIssued(prepared.rows());
                dao.moveToBatch(prepared.readyIds(), batchId); // stored (and committed or logged) when minted
                audit.append(h, "slips-issued", "batch=" + batchId + " count=" + count);
                issuedAfterAnOpen.append(h, batchId, prepared.rows());
            });
        } catch (RuntimeException e) {
            reserve.putBack(ready); // not issued, and nobody saw them
            throw e;
        }
        return new IssuedRun(batchId, cleanLabel, prepared.slips());
    }

    /**
     * The standing batch that counts the tokens drawn at the check-in desk (shown as a QR, or sent to a
     * kiosk). It holds no token: those are in the pool batches, minted long before.
     */
    public static final String DESK_BATCH = "desk-draws";

    /** A token drawn at the check-in desk: the slip to show once, and the token itself (for a kiosk). */
    public record DeskBallot(Slip slip, String encodedToken) {
        @Override
        public String toString() {
            return "DeskBallot[…]"; // whoever holds the token may vote with it: never in a log
        }
    }

    /**
     * Starts minting the desk's pool on its own thread at the station's start, long before the first hand-out,
     * while HTTP starts beside it; a hand-out meanwhile waits for it. The future completes when the pool is full.
     */
    /**
     * What {@code serve} does once the station answers (docs/performance.md): fills the desk's pool, on every core, and
     * returns when it is full; the printable reserve follows on one core in the background. Without it both are minted
     * when first drawn from (a hand-out waits for the pool's fill, a print run hashes what the reserve lacks).
     */
    public void mintAhead() {
        try {
            fillDeskPoolInBackground().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public java.util.concurrent.CompletableFuture<Void> fillDeskPoolInBackground() {
        var filled = pool.fillInBackground().whenComplete((ok, failed) -> deskPoolFilledOnce = true);
        reserve.fillLater(); // on the same thread, after the pool
        return filled;
    }

    /** How many printable slips are minted and ready in memory (a run of up to this many hashes nothing). */
    public int printableReady() {
        return reserve.size();
    }

    /** Draws a token from the desk's pool: memory only, nothing is written. */
    public Token drawFromPool() {
        return pool.draw();
    }

    /** A drawn token whose hand-out was refused goes back to the pool. */
    public void returnToPool(Token token) {
        pool.putBack(token);
    }

    /**
     * Counts a drawn token in the desk's standing batch, inside the caller's (hand-out) transaction, and
     * renders it. Nothing of the token is written: the count is all the minutes need.
     */
    public DeskBallot handOutAtDesk(Handle h, Token token, String baseUrl) {
        new SlipDao(h).countIntoStandingBatch(DESK_BATCH, "Bàn phát phiếu / Check-in desk", now());
        String encoded = token.encoded();
        String url = QrCode.slipUrl(baseUrl, encoded);
        return new DeskBallot(new Slip(url, token.shortCode(), QrCode.encode(url)), encoded);
    }

    /** One batch minted ahead (the desk's pool, the printable reserve): random keys, hashed codes, not counted as issued. */
    private List<Token> mintUncounted(int count, String label, String auditEvent, boolean everyCore) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        String batchId = "pool-" + HexFormat.of().formatHex(id);
        List<Token> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) tokens.add(Token.random(random));
        List<NewToken> rows = newRows.forPool(tokens, batchId, everyCore);
        jdbi.useTransaction(h -> {
            SlipDao dao = new SlipDao(h);
            dao.insertBatch(batchId, label, count, now(), true);
            dao.insertIssued(rows);
            audit.append(h, auditEvent, "batch=" + batchId + " count=" + count);
            issuedAfterAnOpen.append(h, batchId, rows);
        });
        return tokens;
    }

    /**
     * Converts the slips of a database from an earlier version (SlipConversion), once, at the first start after
     * the upgrade: it needs the meeting key.
     */
    public void convertLegacyTokens() {
        new SlipConversion(jdbi, hashes, audit, random).convert();
    }

    /** Voids a slip by its printed code inside the caller's transaction; the row as it was before. */
    public IssuedRow voidSlip(Handle h, String typedCode) {
        IssuedRow row = findSlipForUpdate(h, typedCode);
        // No code in the audit line: it is public in the minutes, and the code could be matched to the slip's other rows.
        if (new SlipDao(h).voidBySerial(row.serial()) == 1) audit.append(h, "slip-voided", "batch=" + row.batchId());
        return row;
    }

    /** The slip a typed short code stands for, its row locked until the transaction ends; refused if unknown. */
    public IssuedRow findSlipForUpdate(Handle h, String typedCode) {
        String mac = codeMac(typedCode).orElseThrow(() -> new SlipRejected(SlipRejected.Code.UNKNOWN_SLIP));
        return new SlipDao(h).findByCodeMacForUpdate(mac).orElseThrow(() -> new SlipRejected(SlipRejected.Code.UNKNOWN_SLIP));
    }

    /**
     * Voids a token nobody will use (a kiosk ballot abandoned before casting), inside the caller's
     * transaction. The slip's row is locked first, so a cast of it still in flight either committed
     * before (then nothing is voided: the ballot counts and no replacement is due) or sees it voided.
     *
     * @return true if the token was voided, false if it had already voted in the poll or was void
     */
    public boolean voidAbandoned(Handle h, String pollId, String encodedToken) {
        String serial = hashes.idOf(Token.decode(encodedToken));
        SlipDao dao = new SlipDao(h);
        if (dao.findBySerialForUpdate(serial).isEmpty() || new kioskvote.store.BallotDao(h).isSpent(pollId, serial)) return false;
        if (dao.voidBySerial(serial) != 1) return false;
        audit.append(h, "slip-voided", "batch=" + DESK_BATCH + " reason=kiosk-abandoned");
        return true;
    }

    /** Writes the printable sheet of a run (streamed: 2,000 slips are several megabytes of HTML). */
    public void writeSheet(IssuedRun run, String keyFingerprint, java.io.Writer writer) {
        var header = new SlipHeader(meeting.title(), meeting.organiser(), run.label(), keyFingerprint, wifi);
        SlipSheet.render(header, run.slips(), writer);
    }

    /** Voids a lost or spoiled slip by the code printed on it; the minutes count voided slips. */
    public void voidSlip(String typedCode) {
        jdbi.useTransaction(h -> voidSlip(h, typedCode));
    }

    /** @return how many slips of the run were voided */
    public int voidUnusedOfRun(String batchId) {
        return jdbi.inTransaction(h -> {
            SlipDao dao = new SlipDao(h);
            if (dao.batches().stream().noneMatch(b -> b.batchId().equals(batchId))) { // a pool batch is not a run
                throw new SlipRejected(SlipRejected.Code.UNKNOWN_SLIP);
            }
            int voided = dao.voidUnusedOfBatch(batchId);
            audit.append(h, "slip-run-voided", "batch=" + batchId + " unused-slips-voided=" + voided);
            return voided;
        });
    }

    public List<SlipDao.BatchRow> batches() {
        return jdbi.withHandle(h -> new SlipDao(h).batches());
    }

    private String now() {
        return kioskvote.store.StoredTime.now(clock).toString();
    }
}
