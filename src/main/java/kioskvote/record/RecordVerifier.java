package kioskvote.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import kioskvote.audit.AuditLog;
import kioskvote.audit.Sha256;
import kioskvote.ballot.Answers;
import kioskvote.meeting.Option;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.meeting.Question;
import kioskvote.tally.PollTally;
import kioskvote.tally.Tally;
import kioskvote.tally.TallyCounts;
import kioskvote.token.MeetingKey;

/**
 * `kioskvote verify`: checks an election record with no station, no database and no private key, in
 * numbered steps, each printed with its counts and pass or FAIL, every failure listed (up to a cap per
 * step) with what was expected, what was found and where. Streams: the ballots, the spent tokens and the
 * commitment are read line by line, so memory does not grow with the record (docs/record.md).
 */
public final class RecordVerifier {
    public enum Outcome { VERIFIED, TAMPERED, UNREADABLE }

    /** What the room was shown, or an earlier copy, to compare the record with. */
    public record Anchors(Optional<String> receipt, OptionalLong count, Optional<String> head, Optional<Path> earlier) {
        public static Anchors none() {
            return new Anchors(Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty());
        }
    }

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern RECEIPT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    private final PrintStream out;

    public RecordVerifier(PrintStream out) {
        this.out = out;
    }

    public Outcome verify(Path file, Anchors anchors) {
        try (RecordZip zip = RecordZip.open(file)) {
            return verify(file, zip, anchors);
        } catch (Unreadable e) {
            out.println("kioskvote verify: cannot read the record: " + e.getMessage());
            return Outcome.UNREADABLE;
        } catch (UncheckedIOException e) {
            out.println("kioskvote verify: cannot read the record: " + e.getCause().getMessage());
            return Outcome.UNREADABLE;
        }
    }

    private Outcome verify(Path file, RecordZip zip, Anchors anchors) throws Unreadable {
        JsonNode manifest = zip.json(RecordFiles.MANIFEST).orElseThrow(() -> new Unreadable(file + ": no manifest.json (not a kioskvote record)"));
        if (manifest == null || !manifest.isObject()) throw new Unreadable(file + ": manifest.json is not JSON");
        byte[] manifestBytes = zip.small(RecordFiles.MANIFEST).orElseThrow();
        String meetingId = manifest.path("meeting").asText("?");
        String pollId = manifest.path("poll").asText("?");
        String keyHex = manifest.path("meetingPublicKey").asText("");
        out.println("kioskvote verify: " + file.getFileName() + " (meeting " + meetingId + ", poll " + pollId + ")");

        Step manifestStep = new Step("manifest");
        Step definitionStep = new Step("poll definition");
        Step ballotsStep = new Step("ballots");
        Step receiptsStep = new Step("receipt codes");
        Step countsStep = new Step("counts");
        Step commitmentStep = new Step("commitment");
        Step tallyStep = new Step("tally");
        Step auditStep = new Step("audit chain");
        List<Step> steps = new ArrayList<>(List.of(manifestStep, definitionStep, ballotsStep, receiptsStep, countsStep, commitmentStep,
                tallyStep, auditStep));

        // The commitment's header first: it names the meeting key the manifest must be signed with.
        Optional<Commitment> commitment = readCommitmentHeader(zip, commitmentStep);
        Map<String, String> digests = checkManifest(zip, manifest, manifestBytes, keyHex, commitment, manifestStep);

        AuditFacts audit = checkAudit(zip, pollId, auditStep);
        Optional<Poll> poll = checkDefinition(zip, meetingId, pollId, commitment, audit, definitionStep);
        BallotFacts ballots = checkBallots(zip, poll, anchors.receipt(), ballotsStep, receiptsStep);
        Optional<JsonNode> counts = checkCounts(zip, ballots, countsStep);
        checkCommitment(zip, commitment, audit, commitmentStep);
        checkTally(zip, poll, ballots, counts, tallyStep);
        finishAudit(zip, meetingId, pollId, digests, ballots, audit, manifest, auditStep);

        if (anchors.receipt().isPresent()) {
            Step step = new Step("receipt " + anchors.receipt().get());
            steps.add(step);
            if (ballots.receiptLine > 0) step.summary("counted (ballots.jsonl line " + ballots.receiptLine + ")");
            else {
                step.summary("not in the record");
                step.fail("expected the receipt code " + anchors.receipt().get() + " among the " + ballots.read
                        + " ballots; it is not there. If you kept this code after voting in poll " + pollId + ", tell the counting committee.");
            }
        }
        if (anchors.count().isPresent() || anchors.head().isPresent()) {
            steps.add(checkAnchors(anchors, ballots, audit));
        }
        if (anchors.earlier().isPresent()) {
            steps.add(checkEarlier(anchors.earlier().get(), zip, manifest));
        }
        for (int i = 0; i < steps.size(); i++) steps.get(i).print(out, i + 1, steps.size());
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) if (!steps.get(i).passed()) failed.add(i + 1);
        if (failed.isEmpty()) {
            out.println("Result: verified — " + steps.size() + " of " + steps.size() + " steps passed. Record head "
                    + audit.recomputedHead.orElse("?") + ", " + ballots.read + " ballots.");
            return Outcome.VERIFIED;
        }
        out.println("Result: TAMPERED — step" + (failed.size() > 1 ? "s " : " ") + failed.toString().replaceAll("[\\[\\]]", "")
                + " failed (see above).");
        return Outcome.TAMPERED;
    }

    // ---- 1. manifest --------------------------------------------------------------------------------------

    private Map<String, String> checkManifest(RecordZip zip, JsonNode manifest, byte[] manifestBytes, String keyHex,
                                              Optional<Commitment> commitment, Step step) {
        Map<String, String> digests = new LinkedHashMap<>();
        if (!RecordFiles.FORMAT.equals(manifest.path("format").asText())) {
            step.fail("manifest.json format: expected " + RecordFiles.FORMAT + ", found " + manifest.path("format"));
        }
        byte[] key = hex(keyHex);
        String fingerprint = key == null ? "?" : MeetingKey.fingerprintOf(key);
        byte[] signature = zip.text(RecordFiles.SIGNATURE).map(t -> hex(t.strip())).orElse(null);
        if (signature == null) {
            step.fail("manifest.sig: expected the meeting key's signature (128 hex digits), found " + (zip.has(RecordFiles.SIGNATURE) ? "something else" : "no file"));
        } else if (key == null || !MeetingKey.verify(key, manifestBytes, signature)) {
            step.fail("manifest.sig: expected a signature of manifest.json by the key it names (" + fingerprint + "); it does not verify");
        }
        commitment.ifPresent(c -> {
            if (!c.meetingPublicKeyHex().equalsIgnoreCase(keyHex)) {
                byte[] committed = hex(c.meetingPublicKeyHex());
                step.fail("manifest.json: signed by the key " + fingerprint + "; expected the meeting key committed at the open, "
                        + (committed == null ? c.meetingPublicKeyHex() : MeetingKey.fingerprintOf(committed)) + " (commitment.txt line 5)");
            }
        });
        Set<String> listed = new HashSet<>();
        int intact = 0;
        for (JsonNode f : manifest.path("files")) {
            String name = f.path("name").asText();
            listed.add(name);
            if (!zip.has(name)) {
                step.fail(name + ": listed in the manifest (sha256 " + f.path("sha256").asText() + "), missing from the record");
                continue;
            }
            RecordZip.Digest d = zip.digest(name);
            digests.put(name, d.sha256());
            if (!d.sha256().equals(f.path("sha256").asText()) || d.bytes() != f.path("bytes").asLong()) {
                step.fail(name + ": expected sha256 " + f.path("sha256").asText() + " (" + f.path("bytes").asLong() + " bytes) as the manifest says, found "
                        + d.sha256() + " (" + d.bytes() + " bytes)");
            } else {
                intact++;
            }
        }
        for (String name : RecordFiles.SIGNED) {
            if (!listed.contains(name)) step.fail(name + ": expected in the manifest, not listed");
        }
        for (String name : zip.names()) {
            if (!listed.contains(name) && !name.equals(RecordFiles.MANIFEST) && !name.equals(RecordFiles.SIGNATURE)) {
                step.fail(name + ": in the record but not in the manifest");
            }
        }
        zip.duplicates().forEach(name -> step.fail(name + ": appears twice in the zip"));
        step.summary(listed.size() + " files listed, " + intact + " intact; signed by meeting key " + fingerprint);
        return digests;
    }

    private Optional<Commitment> readCommitmentHeader(RecordZip zip, Step commitmentStep) {
        if (!zip.has(RecordFiles.COMMITMENT)) return Optional.empty();
        try (BufferedReader in = zip.reader(zip.stream(RecordFiles.COMMITMENT))) {
            List<String> header = new ArrayList<>();
            for (String line; header.size() < Commitment.HEADER_LINES && (line = in.readLine()) != null; ) header.add(line);
            return Optional.of(Commitment.parse(header));
        } catch (IllegalArgumentException e) {
            commitmentStep.fail("commitment.txt " + e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            commitmentStep.fail("commitment.txt: not readable text (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    // ---- 2. poll definition ----------------------------------------------------------------------------------

    private Optional<Poll> checkDefinition(RecordZip zip, String meetingId, String pollId, Optional<Commitment> commitment,
                                           AuditFacts audit, Step step) {
        Optional<String> json = zip.text(RecordFiles.POLL);
        if (json.isEmpty()) {
            step.summary("no poll.json").fail("poll.json: missing from the record; nothing can be checked against the poll");
            return Optional.empty();
        }
        String sha = Sha256.hex(json.get());
        commitment.ifPresent(c -> {
            if (!c.definitionSha256().equals(sha)) step.fail("poll.json: hashes to " + sha + "; the commitment (commitment.txt line 4) expects "
                    + c.definitionSha256());
            if (!c.pollId().equals(pollId)) step.fail("commitment.txt line 3: poll " + c.pollId() + ", expected " + pollId + " as the manifest says");
            if (!c.meetingId().equals(meetingId)) step.fail("commitment.txt line 2: meeting " + c.meetingId() + ", expected " + meetingId);
        });
        audit.openedDefinition.ifPresentOrElse(d -> {
            if (!d.equals(sha)) step.fail("poll.json: hashes to " + sha + "; the audit chain's poll-opened line expects " + d);
        }, () -> step.fail("audit.jsonl: expected a poll-opened line for poll " + pollId + " with the definition's hash; none found"));
        zip.json(RecordFiles.MEETING).ifPresentOrElse(m -> {
            if (m == null || !meetingId.equals(m.path("id").asText())) {
                step.fail("meeting.json id: expected " + meetingId + ", found " + (m == null ? "no JSON" : m.path("id")));
            }
        }, () -> step.fail("meeting.json: missing from the record"));
        try {
            Poll poll = PollDefinition.parse(json.get());
            if (!poll.id().equals(pollId)) step.fail("poll.json id: expected " + pollId + ", found " + poll.id());
            step.summary("sha256 " + sha.substring(0, 16) + "…, " + poll.kind().name().toLowerCase() + " \"" + poll.title() + "\", "
                    + poll.questions().size() + " questions");
            return Optional.of(poll);
        } catch (IllegalArgumentException e) {
            step.summary("sha256 " + sha.substring(0, 16) + "…, unreadable").fail("poll.json: " + e.getMessage());
            return Optional.empty();
        }
    }

    // ---- 3, 4. ballots and receipt codes (one pass) -----------------------------------------------------------

    static final class BallotFacts {
        long read;
        long wellFormed;
        long receiptLine;
        Tally.Counter counter;
        boolean present;
    }

    private BallotFacts checkBallots(RecordZip zip, Optional<Poll> poll, Optional<String> receipt, Step step, Step receipts) {
        BallotFacts facts = new BallotFacts();
        if (!zip.has(RecordFiles.BALLOTS)) {
            step.summary("no ballots.jsonl").fail("ballots.jsonl: missing from the record");
            receipts.summary("no ballots.jsonl").fail("ballots.jsonl: missing from the record");
            return facts;
        }
        facts.present = true;
        facts.counter = poll.map(Tally::counter).orElse(null);
        String previous = null;
        long previousLine = 0;
        long unique = 0;
        // The station writes every line as {"receipt":"XXXX-XXXX","answers":{…}}: the answers are cut out and each
        // distinct one is parsed and checked once (a poll has few: 3^4 and blanks), anything else parsed whole.
        Map<String, Parsed> seen = new HashMap<>();
        try (BufferedReader in = zip.reader(zip.stream(RecordFiles.BALLOTS))) {
            for (String line; (line = in.readLine()) != null; ) {
                facts.read++;
                long at = facts.read;
                String code;
                String answersText;
                if (line.length() > 34 && line.startsWith(LINE_START) && line.startsWith(LINE_MIDDLE, 21) && line.endsWith("}")) {
                    code = line.substring(12, 21);
                    answersText = line.substring(33, line.length() - 1);
                } else {
                    JsonNode node = readJson(line);
                    if (node == null || !node.isObject() || !node.path("receipt").isTextual() || !node.path("answers").isObject() || node.size() != 2) {
                        step.fail("ballots.jsonl line " + at + ": expected {\"receipt\": \"XXXX-XXXX\", \"answers\": {…}}, found "
                                + abbreviate(line));
                        continue;
                    }
                    code = node.get("receipt").asText();
                    answersText = node.get("answers").toString();
                }
                String where = "ballots.jsonl line " + at + " (receipt " + code + ")";
                if (!RECEIPT.matcher(code).matches()) {
                    receipts.fail(where + ": expected a receipt code XXXX-XXXX in Crockford base32, found \"" + abbreviate(code) + "\"");
                } else if (previous != null && code.compareTo(previous) == 0) {
                    receipts.fail(where + ": the same receipt code as line " + previousLine + "; expected every code once");
                } else if (previous != null && code.compareTo(previous) < 0) {
                    receipts.fail(where + ": after " + previous + " (line " + previousLine + "); expected the ballots in receipt-code order");
                } else {
                    unique++;
                }
                previous = code;
                previousLine = at;
                if (receipt.isPresent() && receipt.get().equals(code) && facts.receiptLine == 0) facts.receiptLine = at;
                if (poll.isEmpty()) continue;
                Parsed parsed = seen.get(answersText);
                if (parsed == null) {
                    parsed = parse(poll.get(), answersText);
                    if (seen.size() < 10_000) seen.put(answersText, parsed);
                }
                if (parsed.problem().isEmpty()) facts.wellFormed++;
                else step.fail(where + ": " + parsed.problem());
                if (parsed.answers() != null) facts.counter.add(parsed.answers());
            }
        } catch (IOException e) {
            step.fail("ballots.jsonl line " + (facts.read + 1) + ": not readable UTF-8 text (" + e.getMessage() + ")");
        }
        step.summary(facts.read + " read, " + facts.wellFormed + " well-formed" + (poll.isEmpty() ? " (no poll definition to check them by)" : ""));
        if (poll.isEmpty()) step.fail("cannot check the ballots without a readable poll.json");
        receipts.summary(facts.read + " codes, " + unique + " unique and in order");
        return facts;
    }

    private static final String LINE_START = "{\"receipt\":\"";
    private static final String LINE_MIDDLE = "\",\"answers\":";

    /** One distinct answers text: its problem ("" when well-formed) and the answers to count (null if not even JSON). */
    private record Parsed(String problem, Answers answers) {
    }

    private static Parsed parse(Poll poll, String answersText) {
        JsonNode answers = readJson(answersText);
        if (answers == null || !answers.isObject()) return new Parsed("expected the answers as a JSON object, found " + abbreviate(answersText), null);
        return new Parsed(wellFormedProblem(poll, answers), answersOf(answers));
    }

    private static JsonNode readJson(String text) {
        try {
            return RecordFiles.JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** "" if the answers are exactly what the station stores for this poll: every question once, known options in poll order, within the rule. */
    static String wellFormedProblem(Poll poll, JsonNode answers) {
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
            var entry = it.next();
            Optional<Question> question = poll.question(entry.getKey());
            if (question.isEmpty()) return "expected only questions of poll " + poll.id() + ", found \"" + abbreviate(entry.getKey()) + "\"";
            seen.add(entry.getKey());
            JsonNode marks = entry.getValue();
            if (!marks.isArray()) return "question " + entry.getKey() + ": expected a list of options, found " + abbreviate(marks.toString());
            List<String> ids = question.get().options().stream().map(Option::id).toList();
            int last = -1;
            for (JsonNode mark : marks) {
                int index = mark.isTextual() ? ids.indexOf(mark.asText()) : -1;
                if (index < 0) return "question " + entry.getKey() + ": expected one of " + ids + ", found " + abbreviate(mark.toString());
                if (index <= last) return "question " + entry.getKey() + ": expected each option once, in the poll's order; found " + marks;
                last = index;
            }
            if (marks.size() > question.get().rule().max()) {
                return "question " + entry.getKey() + ": expected at most " + question.get().rule().max() + " marks, found " + marks.size();
            }
        }
        for (Question q : poll.questions()) {
            if (!seen.contains(q.id())) return "expected an entry for question " + q.id() + " (blank: []), found none";
        }
        return "";
    }

    private static Answers answersOf(JsonNode answers) {
        Map<String, List<String>> marks = new LinkedHashMap<>();
        answers.fields().forEachRemaining(e -> {
            List<String> ids = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(m -> ids.add(m.asText()));
            marks.put(e.getKey(), ids);
        });
        return new Answers(marks);
    }

    // ---- 5. counts ----------------------------------------------------------------------------------------

    private Optional<JsonNode> checkCounts(RecordZip zip, BallotFacts ballots, Step step) {
        Optional<JsonNode> counts = zip.json(RecordFiles.COUNTS).filter(n -> n != null && n.isObject());
        long spent = 0;
        if (!zip.has(RecordFiles.SPENT_TOKENS)) {
            step.fail("spent-tokens.txt: missing from the record");
        } else {
            String previous = null;
            try (BufferedReader in = zip.reader(zip.stream(RecordFiles.SPENT_TOKENS))) {
                for (String line; (line = in.readLine()) != null; ) {
                    spent++;
                    if (!HASH.matcher(line).matches()) step.fail("spent-tokens.txt line " + spent + ": expected a token hash (64 hex digits), found " + abbreviate(line));
                    else if (previous != null && line.compareTo(previous) <= 0) {
                        step.fail("spent-tokens.txt line " + spent + ": expected each token once, in ascending order; found " + line.substring(0, 16)
                                + "… after " + previous.substring(0, 16) + "…");
                    }
                    previous = line;
                }
            } catch (IOException e) {
                step.fail("spent-tokens.txt: not readable (" + e.getMessage() + ")");
            }
        }
        if (counts.isEmpty()) {
            step.summary(ballots.read + " ballots, " + spent + " tokens spent").fail("counts.json: missing from the record, or not JSON");
            return Optional.empty();
        }
        JsonNode c = counts.get();
        long received = c.path("received").asLong(-1);
        long issued = c.path("issued").asLong(-1);
        long voided = c.path("voided").asLong(-1);
        if (received != ballots.read) step.fail("counts.json received: " + received + " as published; expected the " + ballots.read
                + " ballots in ballots.jsonl");
        if (spent != ballots.read) step.fail("spent-tokens.txt: " + spent + " tokens spent; expected one per ballot, " + ballots.read);
        if (ballots.read > issued - voided) step.fail("ballots received " + ballots.read + "; expected at most the slips issued less those voided, "
                + issued + " − " + voided + " = " + (issued - voided) + " (counts.json)");
        step.summary(ballots.read + " ballots received, " + spent + " tokens spent, " + issued + " slips issued − " + voided + " voided = "
                + (issued - voided));
        return counts;
    }

    // ---- 6. commitment ------------------------------------------------------------------------------------

    private void checkCommitment(RecordZip zip, Optional<Commitment> commitment, AuditFacts audit, Step step) {
        if (!zip.has(RecordFiles.COMMITMENT) || commitment.isEmpty()) {
            step.summary("no commitment").fail("commitment.txt: missing from the record, or unreadable; the slips cannot be checked");
            return;
        }
        if (!zip.has(RecordFiles.SPENT_TOKENS)) {
            step.summary("no spent tokens").fail("spent-tokens.txt: missing from the record");
            return;
        }
        DigestInputStream raw = new DigestInputStream(zip.stream(RecordFiles.COMMITMENT), RecordZip.sha256());
        long committed = 0;
        long spent = 0;
        long inCommitment = 0;
        long loggedLater = 0;
        try (BufferedReader tokens = zip.reader(raw); BufferedReader spentIn = zip.reader(zip.stream(RecordFiles.SPENT_TOKENS))) {
            for (int i = 0; i < Commitment.HEADER_LINES; i++) tokens.readLine();
            String previous = null;
            String next = nextToken(tokens);
            for (String s; (s = spentIn.readLine()) != null; ) {
                spent++;
                while (next != null && next.compareTo(s) < 0) {
                    committed++;
                    previous = checkOrder(next, previous, committed, step);
                    next = nextToken(tokens);
                }
                if (next != null && next.equals(s)) {
                    inCommitment++;
                } else if (audit.loggedBeforeClose.contains(s)) {
                    loggedLater++;
                } else {
                    step.fail("spent-tokens.txt line " + spent + ": token " + s.substring(0, Math.min(16, s.length()))
                            + "… voted, but is neither in the commitment made at the open nor logged as issued before the close");
                }
            }
            while (next != null) {
                committed++;
                previous = checkOrder(next, previous, committed, step);
                next = nextToken(tokens);
            }
        } catch (IOException e) {
            step.fail("commitment.txt: not readable (" + e.getMessage() + ")");
        }
        String fingerprint = HexFormat.of().formatHex(raw.getMessageDigest().digest());
        Commitment c = commitment.get();
        if (committed != c.tokens()) step.fail("commitment.txt: the header says " + c.tokens() + " tokens, " + committed + " follow it");
        audit.committed.ifPresentOrElse(logged -> {
            if (!logged.equals(fingerprint)) step.fail("commitment.txt: hashes to " + fingerprint + "; the audit chain's poll-committed line "
                    + "(made at the open) expects " + logged);
        }, () -> step.fail("audit.jsonl: expected a poll-committed line for this poll; none found"));
        step.summary("sha256 " + fingerprint.substring(0, 16) + "… covers " + committed + " slips" + (c.boxPublicKeyHex().isPresent()
                ? " and the sealed box's key" : "") + "; " + spent + " spent tokens: " + inCommitment + " committed at the open, "
                + loggedLater + " logged later, " + (spent - inCommitment - loggedLater) + " outside");
    }

    private static String nextToken(BufferedReader in) throws IOException {
        return in.readLine();
    }

    private static String checkOrder(String token, String previous, long line, Step step) {
        if (!HASH.matcher(token).matches()) step.fail("commitment.txt line " + (line + Commitment.HEADER_LINES)
                + ": expected a token hash (64 hex digits), found " + abbreviate(token));
        else if (previous != null && token.compareTo(previous) <= 0) step.fail("commitment.txt line " + (line + Commitment.HEADER_LINES)
                + ": expected each token once, in ascending order");
        return token;
    }

    // ---- 7. tally -----------------------------------------------------------------------------------------

    private void checkTally(RecordZip zip, Optional<Poll> poll, BallotFacts ballots, Optional<JsonNode> counts, Step step) {
        Optional<JsonNode> tally = zip.json(RecordFiles.TALLY).filter(n -> n != null && n.isObject());
        if (tally.isEmpty()) step.fail("tally.json: missing from the record, or not JSON");
        if (counts.isEmpty()) step.fail("counts.json: missing from the record, or not JSON");
        if (poll.isEmpty() || ballots.counter == null || tally.isEmpty() || counts.isEmpty()) {
            step.summary("not recounted");
            return;
        }
        JsonNode c = counts.get();
        PollTally recount;
        try {
            recount = ballots.counter.finish(new TallyCounts(c.path("summoned").asLong(), c.path("present").asLong(),
                    c.path("issued").asLong() - c.path("voided").asLong(), ballots.counter.received(), c.path("voided").asLong(),
                    c.path("handedOut").asLong(), c.path("fromRoster").asBoolean()));
        } catch (IllegalArgumentException e) {
            step.summary("not recounted").fail("counts.json: " + e.getMessage());
            return;
        }
        long before = step.failureCount();
        try {
            diff("tally.json", tally.get(), RecordFiles.JSON.readTree(RecordJson.tally(recount)), step);
            diff("counts.json", c, RecordFiles.JSON.readTree(RecordJson.counts(recount)), step);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long differences = step.failureCount() - before;
        step.summary("recounted " + ballots.counter.received() + " ballots on " + recount.questions().size() + " questions: "
                + (differences == 0 ? "the published tally and the minutes' figures match" : "differences from the published figures"));
    }

    /** Reports each field where the published JSON differs from the recount: its path (ids, not indexes), both values. */
    static void diff(String path, JsonNode published, JsonNode recounted, Step step) {
        if (published.isObject() && recounted.isObject()) {
            recounted.fieldNames().forEachRemaining(f -> diff(path + "." + f, published.path(f), recounted.get(f), step));
            published.fieldNames().forEachRemaining(f -> {
                if (!recounted.has(f)) step.fail(path + "." + f + ": published " + published.get(f) + ", not in the recount");
            });
        } else if (published.isArray() && recounted.isArray() && published.size() == recounted.size()) {
            for (int i = 0; i < recounted.size(); i++) {
                JsonNode r = recounted.get(i);
                String name = r.has("id") ? r.get("id").asText() : Integer.toString(i);
                diff(path + "[" + name + "]", published.get(i), r, step);
            }
        } else if (!published.equals(recounted)) {
            step.fail(path + ": published " + (published.isMissingNode() ? "nothing" : abbreviate(published.toString())) + ", recounted "
                    + abbreviate(recounted.toString()));
        }
    }

    // ---- 8. audit chain ----------------------------------------------------------------------------------

    static final class AuditFacts {
        long lines;
        Optional<String> openedDefinition = Optional.empty();
        Optional<String> committed = Optional.empty();
        Optional<Long> closedReceived = Optional.empty();
        Optional<String> headLogged = Optional.empty();
        Optional<Long> headBallots = Optional.empty();
        Optional<String> auditAtClose = Optional.empty();
        long headLine;
        Optional<String> recomputedHead = Optional.empty();
        final Set<String> loggedBeforeClose = new HashSet<>();
    }

    private AuditFacts checkAudit(RecordZip zip, String pollId, Step step) {
        AuditFacts facts = new AuditFacts();
        if (!zip.has(RecordFiles.AUDIT)) {
            step.fail("audit.jsonl: missing from the record");
            return facts;
        }
        String prev = AuditLog.GENESIS;
        boolean closed = false;
        String tag = "poll=" + pollId + " ";
        try (BufferedReader in = zip.reader(zip.stream(RecordFiles.AUDIT))) {
            for (String line; (line = in.readLine()) != null; ) {
                facts.lines++;
                long at = facts.lines;
                JsonNode n;
                try {
                    n = RecordFiles.JSON.readTree(line);
                } catch (IOException e) {
                    n = null;
                }
                if (n == null || !n.isObject()) {
                    step.fail("audit.jsonl line " + at + ": expected an audit entry as JSON, found " + abbreviate(line));
                    continue;
                }
                long seq = n.path("seq").asLong();
                String event = n.path("event").asText();
                String detail = n.path("detail").asText();
                String where = "audit.jsonl line " + at + " (entry " + seq + ", " + event + ")";
                if (seq != at) step.fail(where + ": expected entry number " + at + ", found " + seq);
                if (!n.path("prevHash").asText().equals(prev)) {
                    step.fail(where + ": expected the previous hash " + prev + ", found " + n.path("prevHash").asText());
                }
                String computed = AuditLog.chainHash(n.path("prevHash").asText(), seq, n.path("at").asText(), event, detail);
                if (!computed.equals(n.path("hash").asText())) {
                    step.fail(where + ": its content hashes to " + computed + ", the line says " + n.path("hash").asText() + " (edited)");
                }
                prev = n.path("hash").asText();
                String d = detail + " ";
                if (d.startsWith(tag)) {
                    switch (event) {
                        case "poll-opened" -> facts.openedDefinition = field(detail, "definition-sha256");
                        case "poll-committed" -> facts.committed = field(detail, "commitment-sha256");
                        case "poll-closed" -> {
                            facts.closedReceived = field(detail, "received").map(Long::parseLong);
                            closed = true;
                        }
                        case "record-head" -> {
                            facts.headLogged = field(detail, "head");
                            facts.headBallots = field(detail, "ballots").map(Long::parseLong);
                            facts.auditAtClose = Optional.of(n.path("prevHash").asText());
                            facts.headLine = at;
                        }
                        default -> {
                        }
                    }
                }
                if (event.equals("tokens-issued") && !closed) {
                    field(detail, "token-sha256").ifPresent(list -> facts.loggedBeforeClose.addAll(List.of(list.split(","))));
                }
            }
        } catch (IOException | NumberFormatException e) {
            step.fail("audit.jsonl line " + (facts.lines + 1) + ": not readable (" + e.getMessage() + ")");
        }
        return facts;
    }

    private static Optional<String> field(String detail, String name) {
        for (String part : detail.split(" ")) {
            if (part.startsWith(name + "=")) return Optional.of(part.substring(name.length() + 1));
        }
        return Optional.empty();
    }

    private void finishAudit(RecordZip zip, String meetingId, String pollId, Map<String, String> digests, BallotFacts ballots,
                             AuditFacts audit, JsonNode manifest, Step step) {
        audit.closedReceived.ifPresentOrElse(received -> {
            if (received != ballots.read) step.fail("audit.jsonl: the poll-closed line says received=" + received + "; expected the "
                    + ballots.read + " ballots in ballots.jsonl");
        }, () -> step.fail("audit.jsonl: expected a poll-closed line for poll " + pollId + "; none found"));
        if (audit.headLogged.isEmpty()) {
            step.fail("audit.jsonl: expected a record-head line for poll " + pollId + " (written when its ballots became final); none found");
        }
        audit.headBallots.ifPresent(n -> {
            if (n != ballots.read) step.fail("audit.jsonl line " + audit.headLine + ": record-head says ballots=" + n + "; expected the "
                    + ballots.read + " in ballots.jsonl");
        });
        List<String> needed = List.of(RecordFiles.COMMITMENT, RecordFiles.BALLOTS, RecordFiles.SPENT_TOKENS, RecordFiles.COUNTS, RecordFiles.TALLY);
        if (audit.auditAtClose.isPresent() && needed.stream().allMatch(digests::containsKey)) {
            long spent = countLines(zip, RecordFiles.SPENT_TOKENS);
            RecordHead head = new RecordHead(meetingId, pollId, digests.get(RecordFiles.COMMITMENT), ballots.read, digests.get(RecordFiles.BALLOTS),
                    spent, digests.get(RecordFiles.SPENT_TOKENS), digests.get(RecordFiles.COUNTS), digests.get(RecordFiles.TALLY),
                    audit.auditAtClose.get());
            String hash = head.hash();
            audit.recomputedHead = Optional.of(hash);
            audit.headLogged.ifPresent(logged -> {
                if (!logged.equals(hash)) step.fail("audit.jsonl line " + audit.headLine + ": the record-head line fixed at the close says "
                        + logged + "; the record's files give " + hash);
            });
            Optional<String> text = zip.text(RecordFiles.HEAD);
            if (text.isEmpty()) step.fail("head.txt: missing from the record");
            else if (!text.get().equals(head.text())) step.fail("head.txt: expected the head recomputed from the files (" + hash + "), found "
                    + Sha256.hex(text.get()));
            if (!hash.equals(manifest.path("recordHead").asText())) step.fail("manifest.json recordHead: " + manifest.path("recordHead").asText()
                    + "; the record's files give " + hash);
        } else {
            step.fail("the record's head cannot be recomputed (files missing, or no record-head line)");
        }
        step.summary(audit.lines + " entries, chain " + (step.passed() ? "intact" : "checked") + "; record head "
                + audit.recomputedHead.map(h -> h.substring(0, 16) + "…").orElse("?"));
    }

    private static long countLines(RecordZip zip, String name) {
        try (BufferedReader in = zip.reader(zip.stream(name))) {
            long n = 0;
            while (in.readLine() != null) n++;
            return n;
        } catch (IOException e) {
            return -1;
        }
    }

    // ---- anchors: what the room saw ------------------------------------------------------------------------

    private Step checkAnchors(Anchors anchors, BallotFacts ballots, AuditFacts audit) {
        Step step = new Step("anchors");
        List<String> said = new ArrayList<>();
        anchors.count().ifPresent(n -> {
            said.add(ballots.read + " ballots" + (n == ballots.read ? " = --count" : ""));
            if (n != ballots.read) step.fail("--count: expected " + n + " ballots, as shown at the close; the record holds " + ballots.read);
        });
        anchors.head().ifPresent(h -> {
            String head = audit.recomputedHead.orElse("");
            String given = h.toLowerCase().replaceAll("[^0-9a-f]", "");
            said.add("head " + (head.isEmpty() ? "?" : head.substring(0, 16) + "…") + (head.startsWith(given) ? " = --head" : ""));
            if (head.isEmpty() || !head.startsWith(given)) {
                step.fail("--head: expected " + RecordHead.grouped(given) + " as shown at the close; the record's head is "
                        + (head.isEmpty() ? "unknown (see step 8)" : RecordHead.grouped(head)));
            }
        });
        return step.summary(String.join(", ", said));
    }

    // ---- an earlier copy --------------------------------------------------------------------------------------

    private Step checkEarlier(Path earlierFile, RecordZip later, JsonNode laterManifest) {
        Step step = new Step("earlier copy " + earlierFile.getFileName());
        try (RecordZip earlier = RecordZip.open(earlierFile)) {
            JsonNode manifest = earlier.json(RecordFiles.MANIFEST).filter(n -> n != null && n.isObject())
                    .orElseThrow(() -> new Unreadable(earlierFile + ": no manifest.json"));
            byte[] key = hex(manifest.path("meetingPublicKey").asText());
            byte[] sig = earlier.text(RecordFiles.SIGNATURE).map(t -> hex(t.strip())).orElse(null);
            if (key == null || sig == null || !MeetingKey.verify(key, earlier.small(RecordFiles.MANIFEST).orElseThrow(), sig)) {
                step.fail(earlierFile.getFileName() + ": its manifest's signature does not verify; it cannot vouch for anything");
            }
            if (!manifest.path("meetingPublicKey").equals(laterManifest.path("meetingPublicKey"))) {
                step.fail("meeting key: the earlier copy is signed by " + (key == null ? "?" : MeetingKey.fingerprintOf(key)) + ", this one by another");
            }
            for (String field : List.of("meeting", "poll", "recordHead", "ballots")) {
                if (!manifest.path(field).equals(laterManifest.path(field))) {
                    step.fail("manifest.json " + field + ": earlier " + manifest.path(field) + ", now " + laterManifest.path(field));
                }
            }
            Map<String, String> now = new LinkedHashMap<>();
            laterManifest.path("files").forEach(f -> now.put(f.path("name").asText(), f.path("sha256").asText()));
            long unchanged = 0;
            for (JsonNode f : manifest.path("files")) {
                String name = f.path("name").asText();
                if (name.equals(RecordFiles.AUDIT)) continue;
                if (!now.containsKey(name)) step.fail(name + ": in the earlier copy, removed since");
                else if (!now.get(name).equals(f.path("sha256").asText())) {
                    step.fail(name + ": changed since the earlier copy (sha256 " + f.path("sha256").asText().substring(0, 16) + "… → "
                            + now.get(name).substring(0, 16) + "…)");
                    if (name.equals(RecordFiles.BALLOTS) && earlier.has(name) && later.has(name)) compareBallots(earlier, later, step);
                } else {
                    unchanged++;
                }
            }
            long[] grown = comparePrefix(earlier, later, step);
            step.summary(unchanged + " files unchanged; audit chain: " + grown[0] + " earlier entries kept, " + grown[1] + " added since");
        } catch (Unreadable e) {
            step.summary("unreadable").fail(e.getMessage());
        }
        return step;
    }

    /** Names the ballots removed, added or changed between two copies (both in receipt order). */
    private static void compareBallots(RecordZip earlier, RecordZip later, Step step) {
        try (BufferedReader a = earlier.reader(earlier.stream(RecordFiles.BALLOTS)); BufferedReader b = later.reader(later.stream(RecordFiles.BALLOTS))) {
            String x = a.readLine();
            String y = b.readLine();
            while (x != null || y != null) {
                String rx = x == null ? null : receiptOf(x);
                String ry = y == null ? null : receiptOf(y);
                int cmp = x == null ? 1 : y == null ? -1 : rx.compareTo(ry);
                if (cmp < 0) {
                    step.fail("ballot with receipt " + rx + ": in the earlier copy, removed since");
                    x = a.readLine();
                } else if (cmp > 0) {
                    step.fail("ballot with receipt " + ry + ": not in the earlier copy, added since");
                    y = b.readLine();
                } else {
                    if (!x.equals(y)) step.fail("ballot with receipt " + rx + ": changed since the earlier copy");
                    x = a.readLine();
                    y = b.readLine();
                }
            }
        } catch (IOException e) {
            step.fail("ballots.jsonl: not readable (" + e.getMessage() + ")");
        }
    }

    private static String receiptOf(String line) {
        try {
            return RecordFiles.JSON.readTree(line).path("receipt").asText();
        } catch (IOException e) {
            return line;
        }
    }

    /** The earlier audit chain must be a prefix of the later one: nothing removed, nothing changed, only added. */
    private static long[] comparePrefix(RecordZip earlier, RecordZip later, Step step) {
        long kept = 0;
        long added = 0;
        try (BufferedReader a = earlier.reader(earlier.stream(RecordFiles.AUDIT)); BufferedReader b = later.reader(later.stream(RecordFiles.AUDIT))) {
            for (String x; (x = a.readLine()) != null; ) {
                String y = b.readLine();
                if (y == null) {
                    step.fail("audit.jsonl line " + (kept + 1) + ": in the earlier copy, removed since");
                    return new long[]{kept, 0};
                }
                if (!x.equals(y)) step.fail("audit.jsonl line " + (kept + 1) + ": changed since the earlier copy");
                kept++;
            }
            while (b.readLine() != null) added++;
        } catch (IOException | NullPointerException e) {
            step.fail("audit.jsonl: missing or unreadable in one of the copies");
        }
        return new long[]{kept, added};
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static byte[] hex(String text) {
        try {
            return text == null || text.isEmpty() ? null : HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "…";
    }
}
