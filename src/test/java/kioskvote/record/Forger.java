package kioskvote.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kioskvote.audit.AuditLog;
import kioskvote.audit.Sha256;
import kioskvote.ballot.AnswersJson;
import kioskvote.meeting.PollDefinition;
import kioskvote.seal.BallotBoxKey;
import kioskvote.seal.BoxContext;
import kioskvote.seal.BoxEndorsement;
import kioskvote.tally.Tally;
import kioskvote.tally.TallyCounts;
import kioskvote.token.MeetingKey;

/** Tampers with an election record the way an attacker would: edits files, optionally recomputes what depends on them and re-signs. */
final class Forger {
    final Map<String, String> files = new LinkedHashMap<>();

    Forger(Path record) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(record), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines(String name) {
        String text = files.get(name);
        return text.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(text.split("\n")));
    }

    void setLines(String name, List<String> lines) {
        files.put(name, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    /** Writes the files as they are now, with the original manifest and signature (an edit without the key). */
    void writeUnsigned(Path to) {
        write(to, files);
    }

    /** Recounts counts.json and tally.json from the ballots as they are now (what someone with the key would do). */
    void recount() {
        try {
            var poll = PollDefinition.parse(files.get(RecordFiles.POLL));
            JsonNode c = RecordFiles.JSON.readTree(files.get(RecordFiles.COUNTS));
            Tally.Counter counter = Tally.counter(poll);
            for (String line : lines(RecordFiles.BALLOTS)) counter.add(AnswersJson.read(line));
            var tally = counter.finish(new TallyCounts(c.path("summoned").asLong(), c.path("present").asLong(),
                    c.path("issued").asLong() - c.path("voided").asLong(), counter.received(), c.path("voided").asLong(),
                    c.path("handedOut").asLong(), c.path("fromRoster").asBoolean()));
            files.put(RecordFiles.COUNTS, RecordJson.counts(tally));
            files.put(RecordFiles.TALLY, RecordJson.tally(tally));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites the audit chain from the poll's close on (received=, the record-head line), re-hashing every entry
     * after it, and head.txt: everything a forger holding the meeting key would recompute.
     */
    void rewriteChainAndHead(String pollId) {
        try {
            long ballots = lines(RecordFiles.BALLOTS).size();
            List<String> chain = lines(RecordFiles.AUDIT);
            List<String> out = new ArrayList<>();
            String prev = AuditLog.GENESIS;
            String auditAtClose = null;
            for (String line : chain) {
                ObjectNode n = (ObjectNode) RecordFiles.JSON.readTree(line);
                String event = n.get("event").asText();
                String detail = n.get("detail").asText();
                if (detail.startsWith("poll=" + pollId + " ") && event.equals("poll-closed")) detail = "poll=" + pollId + " received=" + ballots;
                if (detail.startsWith("poll=" + pollId + " ") && event.equals("poll-committed")) {
                    detail = detail.replaceFirst("commitment-sha256=[0-9a-f]+", "commitment-sha256=" + Sha256.hex(files.get(RecordFiles.COMMITMENT)));
                    detail = detail.replaceFirst(" box=\\S+", " box=" + Commitment.parse(lines(RecordFiles.COMMITMENT)).boxPublicKeyHex().orElse("none"));
                }
                if (detail.startsWith("poll=" + pollId + " ") && event.equals("record-head")) {
                    auditAtClose = prev;
                    detail = "poll=" + pollId + " ballots=" + ballots + " head=" + head(pollId, prev).hash();
                }
                String hash = AuditLog.chainHash(prev, n.get("seq").asLong(), n.get("at").asText(), event, detail);
                out.add(RecordFiles.auditLine(n.get("seq").asLong(), n.get("at").asText(), event, detail, prev, hash));
                prev = hash;
            }
            setLines(RecordFiles.AUDIT, out);
            files.put(RecordFiles.HEAD, head(pollId, auditAtClose).text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RecordHead head(String pollId, String auditAtClose) {
        String meeting = Commitment.parse(lines(RecordFiles.COMMITMENT)).meetingId();
        return new RecordHead(meeting, pollId, Sha256.hex(files.get(RecordFiles.COMMITMENT)), lines(RecordFiles.BALLOTS).size(),
                Sha256.hex(files.get(RecordFiles.BALLOTS)), Sha256.hex(files.get(RecordFiles.RECEIPTS)), lines(RecordFiles.SPENT_TOKENS).size(), Sha256.hex(files.get(RecordFiles.SPENT_TOKENS)),
                Sha256.hex(files.get(RecordFiles.COUNTS)), Sha256.hex(files.get(RecordFiles.TALLY)), auditAtClose);
    }

    /** The commitment's box-key signature line as written (empty for "none"). */
    Optional<String> boxSignature() {
        return Commitment.parse(lines(RecordFiles.COMMITMENT)).boxSignatureHex();
    }

    /** Puts another box key (and signature) into the commitment, as someone who edited the station's database would. */
    void swapBoxKey(Optional<String> boxKeyHex, Optional<String> signatureHex) {
        files.put(RecordFiles.COMMITMENT, files.get(RecordFiles.COMMITMENT)
                .replaceFirst("(?m)^box-public-key: .*$", "box-public-key: " + boxKeyHex.orElse("none"))
                .replaceFirst("(?m)^box-signature: .*$", "box-signature: " + signatureHex.orElse("none")));
    }

    /** Puts another meeting key into the commitment's key line, as a forger without the meeting key would. */
    void rekeyCommitment(MeetingKey fresh) {
        files.put(RecordFiles.COMMITMENT, files.get(RecordFiles.COMMITMENT).replaceFirst("(?m)^meeting-public-key: [0-9a-f]+$",
                "meeting-public-key: " + java.util.HexFormat.of().formatHex(fresh.publicKey())));
        // and signs the box key with it, as a forger making the whole record consistent would
        Commitment c = Commitment.parse(lines(RecordFiles.COMMITMENT));
        c.boxPublicKeyHex().ifPresent(box -> swapBoxKey(Optional.of(box), Optional.of(java.util.HexFormat.of().formatHex(fresh.sign(
                BoxEndorsement.message(new BoxContext(c.meetingId(), c.pollId(), c.definitionSha256()), BallotBoxKey.fromHex(box)))))));
    }

    /** Writes a new manifest over the files as they are now, signed with {@code key}. */
    void writeSigned(Path to, MeetingKey key) {
        try (OutputStream out = Files.newOutputStream(to); RecordWriter writer = new RecordWriter(out)) {
            JsonNode manifest = RecordFiles.JSON.readTree(files.get(RecordFiles.MANIFEST));
            for (String name : RecordFiles.SIGNED) if (files.containsKey(name)) writer.text(name, files.get(name));
            String head = files.containsKey(RecordFiles.HEAD) ? Sha256.hex(files.get(RecordFiles.HEAD)) : "";
            writer.sign(key, manifest.get("meeting").asText(), manifest.get("poll").asText(), lines(RecordFiles.BALLOTS).size(), head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path to, Map<String, String> files) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(to), StandardCharsets.UTF_8)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
