package kioskvote.slip;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jdbi.v3.core.Jdbi;

import kioskvote.audit.AuditLog;
import kioskvote.store.SlipDao;
import kioskvote.store.SlipDao.NewToken;
import kioskvote.token.SlipHashes;
import kioskvote.token.Token;

/**
 * The slips of a database from an earlier version, converted once at the first start after the upgrade (with
 * the meeting key, so not in a migration): serials in clear become the stored ids of the slips whose secrets they
 * are, short codes slow keyed hashes. Slips printed before carry a token in their URL that the station no longer
 * reads, and must be printed again (docs/security.md, "Slips").
 */
final class SlipConversion {
    private final Jdbi jdbi;
    private final SlipHashes hashes;
    private final AuditLog audit;
    private final SecureRandom random;

    SlipConversion(Jdbi jdbi, SlipHashes hashes, AuditLog audit, SecureRandom random) {
        this.jdbi = jdbi;
        this.hashes = hashes;
        this.audit = audit;
        this.random = random;
    }

    void convert() {
        convertClearSerials();
        convertV3Table();
    }

    /** A database from V4 to V11: serials in clear in issued_token and spent_token. */
    private void convertClearSerials() {
        jdbi.useTransaction(h -> {
            SlipDao dao = new SlipDao(h);
            List<String> clear = dao.clearSerials();
            for (String serial : clear) {
                Token token = new Token(HexFormat.of().parseHex(serial));
                dao.replaceClearSerial(serial, hashes.idOf(token), hashes.codeHash(token.shortCode()));
            }
            if (!clear.isEmpty()) audit.append(h, "serials-hashed", "count=" + clear.size());
        });
    }

    /** A V3 database: short codes in clear, insertion-ordered rows; the old table is dropped. */
    private void convertV3Table() {
        jdbi.useTransaction(h -> {
            SlipDao dao = new SlipDao(h);
            if (!dao.hasLegacyTable()) return;
            List<SlipDao.LegacyRow> legacy = dao.legacyRows();
            List<NewToken> rows = new ArrayList<>(legacy.size());
            for (SlipDao.LegacyRow row : legacy) {
                Token token = new Token(HexFormat.of().parseHex(row.serial()));
                rows.add(new NewToken(random.nextLong() & Long.MAX_VALUE, hashes.idOf(token), hashes.codeHash(token.shortCode()), row.batchId()));
            }
            java.util.Collections.shuffle(rows, random);
            if (!rows.isEmpty()) dao.insertIssued(rows);
            for (SlipDao.LegacyRow row : legacy) if (row.voided()) dao.voidBySerial(hashes.idOf(new Token(HexFormat.of().parseHex(row.serial()))));
            dao.dropLegacyTable();
            audit.append(h, "tokens-converted", "count=" + rows.size() + " short codes now stored as keyed hashes");
        });
    }
}
