package kioskvote.slip;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.WifiNetwork;
import kioskvote.store.SlipDao.IssuedRow;
import kioskvote.store.SlipDao;
import kioskvote.token.ShortCode;
import kioskvote.token.Token;
import kioskvote.token.TokenCodec;
import kioskvote.token.TokenIssuer;

/**
 * Issues runs of ballot slips and voids lost ones. The station records how many tokens it issued and
 * which were voided, never which slip went to whom.
 */
public final class SlipOffice {
    public static final int MAX_SLIPS_PER_RUN = 2000;

    public record IssuedRun(String batchId, List<Slip> slips) {
    }

    private final Jdbi jdbi;
    private final Meeting meeting;
    private final TokenIssuer issuer;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random;
    private Optional<WifiNetwork> wifi = Optional.empty();

    public SlipOffice(Jdbi jdbi, Meeting meeting, TokenIssuer issuer, AuditLog audit, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.meeting = meeting;
        this.issuer = issuer;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    public Optional<WifiNetwork> wifi() {
        return wifi;
    }

    /** The meeting room's Wi-Fi, printed on every slip from now on (meeting.yaml station.wifi); set once at start. */
    public SlipOffice printingWifi(Optional<WifiNetwork> network) {
        this.wifi = network;
        return this;
    }

    public IssuedRun issue(int count, String label, String baseUrl) {
        if (count < 1 || count > MAX_SLIPS_PER_RUN) throw new SlipRejected(SlipRejected.Code.BAD_SLIP_COUNT);
        byte[] id = new byte[8];
        random.nextBytes(id);
        String batchId = HexFormat.of().formatHex(id);
        List<Token> tokens = new ArrayList<>(count);
        List<IssuedRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Token token = issuer.issue();
            tokens.add(token);
            rows.add(new IssuedRow(token.serialHex(), ShortCode.of(token.serial()), batchId, false));
        }
        // Finding the smallest QR code is nine tenths of a run's time (JFR, docs/performance.md) and each
        // code stands alone: encode them on every core. The list keeps the tokens' order.
        List<Slip> slips = tokens.parallelStream().map(token -> {
            String url = QrCode.slipUrl(baseUrl, TokenCodec.encode(token));
            return new Slip(url, ShortCode.of(token.serial()), QrCode.encode(url));
        }).toList();
        String cleanLabel = label == null || label.isBlank() ? "Đợt " + batchId : label.strip();
        jdbi.useTransaction(h -> {
            SlipDao dao = new SlipDao(h);
            dao.insertBatch(batchId, cleanLabel, count, now());
            dao.insertIssued(rows);
            audit.append(h, "slips-issued", "batch=" + batchId + " count=" + count);
        });
        return new IssuedRun(batchId, slips);
    }

    /** The batch every token minted at the check-in desk (shown as a QR, or sent to a kiosk) is counted in. */
    public static final String DESK_BATCH = "desk";

    /** A token minted at the check-in desk: the slip to show once, and the token itself (for a kiosk). */
    public record DeskBallot(Slip slip, String encodedToken) {
        @Override
        public String toString() {
            return "DeskBallot[…]"; // whoever holds the token may vote with it: never in a log
        }
    }

    /**
     * Mints one token into the desk's batch inside the caller's transaction, so that the hand-out record
     * and the token commit together. Nothing links the two: the token row has no person, the hand-out no token.
     */
    public DeskBallot issueAtDesk(org.jdbi.v3.core.Handle h, String baseUrl) {
        Token token = issuer.issue();
        String encoded = TokenCodec.encode(token);
        String url = QrCode.slipUrl(baseUrl, encoded);
        String shortCode = ShortCode.of(token.serial());
        SlipDao dao = new SlipDao(h);
        dao.countIntoStandingBatch(DESK_BATCH, "Bàn phát phiếu / Check-in desk", now());
        dao.insertIssued(List.of(new IssuedRow(token.serialHex(), shortCode, DESK_BATCH, false)));
        return new DeskBallot(new Slip(url, shortCode, QrCode.encode(url)), encoded);
    }

    /** Voids a slip by its printed code inside the caller's transaction; the row as it was before. */
    public IssuedRow voidSlip(org.jdbi.v3.core.Handle h, String typedCode) {
        String code = ShortCode.normalize(typedCode).orElseThrow(() -> new SlipRejected(SlipRejected.Code.UNKNOWN_SLIP));
        SlipDao dao = new SlipDao(h);
        IssuedRow row = dao.findByShortCode(code).orElseThrow(() -> new SlipRejected(SlipRejected.Code.UNKNOWN_SLIP));
        if (dao.voidByShortCode(code) == 1) audit.append(h, "slip-voided", "batch=" + row.batchId() + " code=" + code);
        return row;
    }

    /**
     * Voids a token nobody will use (a kiosk ballot abandoned before casting), inside the caller's
     * transaction. The slip's row is locked first, so a cast of it still in flight either committed
     * before (then nothing is voided: the ballot counts and no replacement is due) or sees it voided.
     *
     * @return true if the token was voided, false if it had already voted in the poll or was void
     */
    public boolean voidAbandoned(org.jdbi.v3.core.Handle h, String pollId, String encodedToken) {
        String serial = TokenCodec.decode(encodedToken).serialHex();
        SlipDao dao = new SlipDao(h);
        if (dao.findBySerialForUpdate(serial).isEmpty() || new kioskvote.store.BallotDao(h).isSpent(pollId, serial)) return false;
        if (dao.voidBySerial(serial) != 1) return false;
        audit.append(h, "slip-voided", "batch=" + DESK_BATCH + " reason=kiosk-abandoned");
        return true;
    }

    /** Writes the printable sheet of a run (streamed: 2,000 slips are several megabytes of HTML). */
    public void writeSheet(IssuedRun run, String keyFingerprint, java.io.Writer writer) {
        var header = new SlipHeader(meeting.title(), meeting.organiser(), "Đợt / Run " + run.batchId(), keyFingerprint, wifi);
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
            if (dao.batches().stream().noneMatch(b -> b.batchId().equals(batchId))) {
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
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
