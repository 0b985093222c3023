package kioskvote.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;

/** Spent tokens and cast ballots: two tables with nothing to join them. */
public final class BallotDao {
    private final Handle handle;

    public BallotDao(Handle handle) {
        this.handle = handle;
    }

    public boolean isSpent(String pollId, String serial) {
        return handle.createQuery("SELECT COUNT(*) FROM spent_token WHERE poll_id = :pollId AND serial = :serial")
                .bind("pollId", pollId).bind("serial", serial).mapTo(Integer.class).one() > 0;
    }

    public boolean isSpentInAnyPoll(String serial) {
        return handle.createQuery("SELECT COUNT(*) FROM spent_token WHERE serial = :serial").bind("serial", serial).mapTo(Integer.class).one() > 0;
    }

    /** Throws the database's unique-key violation if the token was already spent in this poll. */
    /** {@code spentId} is random, so the table's storage order says nothing about the order of casting. */
    public void spendToken(long spentId, String pollId, String serial) {
        handle.createUpdate("INSERT INTO spent_token (spent_id, poll_id, serial) VALUES (:spentId, :pollId, :serial)")
                .bind("spentId", spentId).bind("pollId", pollId).bind("serial", serial).execute();
    }

    /** {@code ballotId} is random, so the table's storage order says nothing about the order of casting. */
    public void insertBallot(long ballotId, String pollId, String receiptCode, String receiptProof, String answersJson) {
        handle.createUpdate("INSERT INTO ballot (ballot_id, poll_id, receipt_code, receipt_proof, answers_json) "
                        + "VALUES (:ballotId, :pollId, :receiptCode, :receiptProof, :answersJson)")
                .bind("ballotId", ballotId).bind("pollId", pollId).bind("receiptCode", receiptCode).bind("receiptProof", receiptProof)
                .bind("answersJson", answersJson).execute();
    }

    public Optional<String> proofForReceipt(String pollId, String receiptCode) {
        return handle.createQuery("SELECT receipt_proof FROM ballot WHERE poll_id = :pollId AND receipt_code = :receiptCode")
                .bind("pollId", pollId).bind("receiptCode", receiptCode).mapTo(String.class).findFirst();
    }

    /**
     * Rewrites every ballot and spent-token row of the poll in the closing transaction. PostgreSQL
     * stamps a row with the transaction that wrote it (xmin): a commit that held one cast gave its
     * ballot and its spent token the same stamp. After this, all of them carry the close's stamp
     * (the old row versions go at the next vacuum; docs/scaling.md).
     * <p>
     * H2 keeps no such stamp: a committed row holds its value only (the writer's transaction id is dropped at the
     * commit), so there is nothing to even out, and rewriting a poll's 10,000 rows made its close take seconds and
     * slowed every other poll's casting meanwhile (docs/performance.md). On H2 the close rewrites nothing.
     */
    public void restampAtClose(String pollId) {
        if (!stampsRowsWithTheirTransaction()) return;
        handle.createUpdate("UPDATE ballot SET poll_id = poll_id WHERE poll_id = :pollId").bind("pollId", pollId).execute();
        handle.createUpdate("UPDATE sealed_ballot SET poll_id = poll_id WHERE poll_id = :pollId").bind("pollId", pollId).execute();
        handle.createUpdate("UPDATE spent_token SET poll_id = poll_id WHERE poll_id = :pollId").bind("pollId", pollId).execute();
    }

    private boolean stampsRowsWithTheirTransaction() {
        try {
            return handle.getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the database URL", e);
        }
    }

    /**
     * A counted ballot of a sealed poll, written by the count ({@code ballotId} random, the rows of one
     * poll inserted in random order).
     */
    public void insertCountedBallot(long ballotId, String pollId, String receiptCode, String answersJson) {
        handle.createUpdate("INSERT INTO counted_ballot (ballot_id, poll_id, receipt_code, answers_json) VALUES (:ballotId, :pollId, :receiptCode, :answersJson)")
                .bind("ballotId", ballotId).bind("pollId", pollId).bind("receiptCode", receiptCode).bind("answersJson", answersJson).execute();
    }

    /** A readable ballot of a counted sealed poll, as the count writes it. */
    public record CountedBallot(long ballotId, String pollId, String receiptCode, String answersJson) {
    }

    /** Many counted ballots in one batch of the same statement (the count of a box; bench/ fills a database with it). */
    public void insertCountedBallots(List<CountedBallot> rows) {
        var batch = handle.prepareBatch("INSERT INTO counted_ballot (ballot_id, poll_id, receipt_code, answers_json) VALUES (:ballotId, :pollId, :receiptCode, :answersJson)");
        for (CountedBallot row : rows) batch.bindMethods(row).add();
        if (!rows.isEmpty()) batch.execute();
    }

    /** A slip spent in a poll ({@code spentId} random, as in {@link #spendToken}). */
    public record SpentToken(long spentId, String pollId, String serial) {
    }

    /** Many spent slips in one batch (bench/ fills a database with it); throws the unique-key violation as {@link #spendToken}. */
    public void spendTokens(List<SpentToken> rows) {
        var batch = handle.prepareBatch("INSERT INTO spent_token (spent_id, poll_id, serial) VALUES (:spentId, :pollId, :serial)");
        for (SpentToken row : rows) batch.bindMethods(row).add();
        if (!rows.isEmpty()) batch.execute();
    }

    /** Every readable ballot of the poll: cast in the clear (unsealed poll) or counted from the sealed box. */
    public List<String> answers(String pollId) {
        return handle.createQuery("SELECT answers_json FROM ballot WHERE poll_id = :pollId "
                        + "UNION ALL SELECT answers_json FROM counted_ballot WHERE poll_id = :pollId")
                .bind("pollId", pollId).mapTo(String.class).list();
    }

    /** A distinct ballot content and how many ballots of the poll hold it. */
    public record AnswersCount(String answersJson, long count) {
    }

    /**
     * The readable ballots of the poll grouped by content: a poll has few distinct ballots, and counting them in the
     * database spares reading 100,000 rows out one by one (the tally of the minutes, docs/performance.md). Each
     * table is grouped on its own and the few groups added here: grouping their UNION made H2 copy every row first.
     */
    public List<AnswersCount> answerCounts(String pollId) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String sql : List.of("SELECT answers_json, COUNT(*) FROM ballot WHERE poll_id = :pollId GROUP BY answers_json",
                "SELECT answers_json, COUNT(*) FROM counted_ballot WHERE poll_id = :pollId GROUP BY answers_json")) {
            handle.createQuery(sql).bind("pollId", pollId).map((rs, ctx) -> new AnswersCount(rs.getString(1), rs.getLong(2)))
                    .forEach(c -> counts.merge(c.answersJson(), c.count(), Long::sum));
        }
        return counts.entrySet().stream().map(e -> new AnswersCount(e.getKey(), e.getValue())).toList();
    }

    /**
     * Every receipt code of the poll, sorted, a code twice if two ballots have it. The ballot table is read in the
     * order of its (poll, receipt code) index; the counted ballots (no such index) are sorted here, with the run
     * before them: sorting their UNION in the database cost twice as much for 100,000 ballots, and sorting the counted
     * ones there a third more CPU than here (docs/performance.md).
     */
    public List<String> receiptCodes(String pollId) {
        List<String> codes = new java.util.ArrayList<>(handle.createQuery("SELECT receipt_code FROM ballot WHERE poll_id = :pollId ORDER BY receipt_code")
                .bind("pollId", pollId).mapTo(String.class).list());
        codes.addAll(handle.createQuery("SELECT receipt_code FROM counted_ballot WHERE poll_id = :pollId")
                .bind("pollId", pollId).mapTo(String.class).list());
        codes.sort(null);
        return codes;
    }

    /**
     * Every readable ballot of a poll, sorted by its content (compared as Java strings, whatever the database's
     * collation), once per ballot: the record's order, which says nothing of the casting nor of any receipt.
     * Read grouped by content (a poll has few distinct ballots), so memory grows with those, not the ballots.
     */
    public void forEachBallotByContent(String pollId, java.util.function.Consumer<String> each) {
        List<AnswersCount> counts = new java.util.ArrayList<>(answerCounts(pollId));
        counts.sort(java.util.Comparator.comparing(AnswersCount::answersJson));
        for (AnswersCount c : counts) {
            for (long i = 0; i < c.count(); i++) each.accept(c.answersJson());
        }
    }

    /** Every receipt code of a poll in order, one at a time, a code twice if two ballots have it (docs/record.md). */
    public void forEachReceiptCode(String pollId, java.util.function.Consumer<String> each) {
        handle.createQuery("SELECT receipt_code FROM ballot WHERE poll_id = :pollId "
                        + "UNION ALL SELECT receipt_code FROM counted_ballot WHERE poll_id = :pollId ORDER BY 1")
                .bind("pollId", pollId).setFetchSize(1000).mapTo(String.class).forEach(each);
    }

    /** The serials spent in a poll (for their public hashes in the record; the order here means nothing). */
    public List<String> spentSerials(String pollId) {
        return handle.createQuery("SELECT serial FROM spent_token WHERE poll_id = :pollId").bind("pollId", pollId).mapTo(String.class).list();
    }

    public boolean hasReceipt(String pollId, String receiptCode) {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM ballot WHERE poll_id = :pollId AND receipt_code = :receiptCode) "
                        + "+ (SELECT COUNT(*) FROM counted_ballot WHERE poll_id = :pollId AND receipt_code = :receiptCode)")
                .bind("pollId", pollId).bind("receiptCode", receiptCode).mapTo(Integer.class).one() > 0;
    }

    public long countBallots(String pollId) {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM ballot WHERE poll_id = :pollId) "
                        + "+ (SELECT COUNT(*) FROM counted_ballot WHERE poll_id = :pollId)")
                .bind("pollId", pollId).mapTo(Long.class).one();
    }
}
