package kioskvote.tally;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import kioskvote.meeting.Meeting;
import kioskvote.text.Language;

/**
 * The minutes as CSV: UTF-8 with a byte-order mark so Excel opens Vietnamese correctly, quoting by
 * Jackson. First a block of {@code field,value} rows, then a header row starting with
 * {@code question_id} and one row per question × option, with plain numbers ("96.30") so a script
 * can recount: per question, {@code valid + invalid = received}, the option counts add up to
 * {@code valid} (single-choice), and {@code percent = count / base × 100} rounded half-up.
 */
public final class MinutesCsv {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Columns of the question × option rows, by id; their headings are in the language of the minutes. */
    public static final List<String> COLUMNS = List.of("question_id", "subject", "position", "received", "valid",
            "invalid", "option_id", "option_label", "count", "percent", "flags", "passed");

    /** The heading row of the question × option table in {@code language}: the bundles' {@code minutes.csv.<column>}. */
    public static List<String> headings(Language language) {
        kioskvote.text.Texts texts = kioskvote.text.Texts.of(language);
        return COLUMNS.stream().map(c -> texts.get("minutes.csv." + c)).toList();
    }

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private MinutesCsv() {
    }

    public static byte[] write(Minutes minutes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        try (SequenceWriter writer = MAPPER.writer(SCHEMA).writeValues(out)) {
            for (List<String> row : rows(minutes)) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the minutes as CSV", e);
        }
        return out.toByteArray();
    }

    static List<List<String>> rows(Minutes minutes) {
        Meeting meeting = minutes.meeting();
        PollTally tally = minutes.tally();
        TallyCounts counts = tally.counts();
        Language language = minutes.language();
        List<List<String>> rows = new ArrayList<>();
        kioskvote.text.Texts texts = kioskvote.text.Texts.of(language);
        rows.add(List.of(texts.get("minutes.csv.field"), texts.get("minutes.csv.value")));
        rows.add(List.of("meeting", text(meeting.title())));
        rows.add(List.of("organiser", text(meeting.organiser())));
        rows.add(List.of("place", text(meeting.place())));
        rows.add(List.of("date", meeting.date().toString()));
        rows.add(List.of("time", text(meeting.time())));
        rows.add(List.of("poll_id", tally.poll().id()));
        rows.add(List.of("poll", text(tally.poll().title())));
        rows.add(List.of("poll_kind", tally.poll().kind().name()));
        rows.add(List.of("opened_at", minutes.openedAt().orElse("")));
        rows.add(List.of("closed_at", minutes.closedAt().orElse("")));
        rows.add(List.of("summoned", Long.toString(counts.figures().summoned())));
        rows.add(List.of("present", Long.toString(counts.figures().present())));
        if (counts.figures().fromRoster()) rows.add(List.of("handed_out", Long.toString(counts.figures().handedOut())));
        rows.add(List.of("issued", Long.toString(counts.figures().issued())));
        rows.add(List.of("received", Long.toString(counts.received())));
        rows.add(List.of("voided", Long.toString(counts.figures().voided())));
        rows.add(List.of("on_paper", Long.toString(counts.onPaper())));
        rows.add(List.of("base_kind", tally.poll().base().name()));
        rows.add(List.of("base", Long.toString(tally.base())));
        rows.add(List.of("key_fingerprint", minutes.keyFingerprint()));
        rows.add(List.of("definition_hash", minutes.pollDefinitionHash()));
        rows.add(List.of("ballot_box", minutes.seal().sealed() ? "sealed " + minutes.seal().boxFingerprint().orElse("") + " "
                + minutes.seal().threshold() + "-of-" + minutes.seal().shares() : "not sealed"));
        if (minutes.seal().sealed()) {
            rows.add(List.of("sealed_on_devices", Long.toString(minutes.seal().onDevices())));
            rows.add(List.of("sealed_at_station", Long.toString(minutes.seal().atStation())));
            rows.add(List.of("unreadable_ballots", Long.toString(minutes.seal().unreadable())));
        }
        rows.add(List.of("audit_head", minutes.auditHeadHash()));
        minutes.record().ifPresent(r -> {
            rows.add(List.of("commitment_sha256", r.commitmentSha256()));
            r.ballots().ifPresent(n -> rows.add(List.of("record_ballots", Long.toString(n))));
            r.recordHead().ifPresent(h -> rows.add(List.of("record_head", h)));
        });
        for (QuestionTally question : tally.questions()) {
            question.majorityBase().ifPresent(base -> rows.add(List.of("majority_base", Long.toString(base))));
            question.outcome().ifPresent(outcome -> rows.add(List.of("outcome", outcome.code())));
        }
        tally.election().ifPresent(e -> rows.addAll(ElectionCsv.fields(e)));
        rows.add(headings(language));
        for (QuestionTally question : tally.questions()) {
            String flags = question.flags().stream().map(Enum::name).collect(Collectors.joining(";"));
            String passed = question.passed().map(String::valueOf).orElse("");
            for (OptionCount option : question.options()) {
                rows.add(List.of(question.question().id(), text(question.question().title()),
                        text(question.question().subtitle()), Long.toString(question.received()),
                        Long.toString(question.valid()), Long.toString(question.invalid()), option.option().id(),
                        text(option.option().label(language)), Long.toString(option.count()),
                        Percent.plain(option.percent()), flags, passed));
            }
        }
        tally.election().ifPresent(e -> rows.addAll(ElectionCsv.ranked(e, language)));
        return rows;
    }

    /**
     * Free text typed by the organiser is kept from being read by a spreadsheet as a formula
     * (OWASP "CSV injection"): a leading = + - @ tab or CR gets an apostrophe in front.
     */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) return "'" + value;
        return value;
    }
}
