package kioskvote.record;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `kioskvote verify RECORD`: the command line of {@link RecordVerifier}. Exit codes: 0 verified, 1 tampered, 2 usage, 3 unreadable. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a poll's election record (the zip from /receipts) with no station, database or key: "
                + "signature, poll definition, ballots, receipt codes, counts, commitment, tally, audit chain.",
                "Exit codes: 0 verified, 1 tampered (a check failed), 2 usage, 3 unreadable."})
public final class VerifyCommand implements Callable<Integer> {
    public static final int VERIFIED = 0;
    public static final int TAMPERED = 1;
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    public static final int UNREADABLE = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RECORD", description = "The record: record-POLL.zip.")
    Path record;

    @Option(names = "--receipt", paramLabel = "CODE", description = "Your receipt code (XXXX-XXXX): check it was counted.")
    String receipt;

    @Option(names = "--count", paramLabel = "N", description = "The ballot count shown on the projector and in the minutes at the close.")
    Long count;

    @Option(names = "--head", paramLabel = "HASH", description = "The record's head hash shown at the close (spaces allowed; at least its first 16 digits).")
    String head;

    @Option(names = "--key", paramLabel = "FINGERPRINT", description = "The meeting key's fingerprint, as printed on every slip, "
            + "shown on the projector and in the minutes (spaces allowed; at least its first 16 digits): whose record this is.")
    String key;

    @Option(names = "--earlier", paramLabel = "OLD_RECORD", description = "An earlier copy of the same record: check nothing was removed or changed since.")
    Path earlier;

    private final PrintStream out;

    public VerifyCommand() {
        this(System.out);
    }

    public VerifyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Optional<String> code = Optional.ofNullable(receipt).map(r -> r.strip().toUpperCase());
        if (code.isPresent() && !code.get().matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--receipt: expected a receipt code XXXX-XXXX, found " + receipt);
        }
        if (head != null && head.toLowerCase().replaceAll("[\\s-]", "").replaceAll("[0-9a-f]", "").length() > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--head: expected hex digits, found " + head);
        }
        if (head != null && head.replaceAll("[^0-9a-fA-F]", "").length() < 16) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--head: give at least the first 16 digits of the head");
        }
        if (key != null && (!key.strip().matches("[0-9A-Fa-f][0-9A-Fa-f\\s-]*") || key.replaceAll("[^0-9A-Fa-f]", "").length() < 16)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--key: expected the meeting key's fingerprint (hex digits, at least 16), found " + key);
        }
        if (count != null && count < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--count: cannot be negative");
        var anchors = new RecordVerifier.Anchors(code, count == null ? OptionalLong.empty() : OptionalLong.of(count),
                Optional.ofNullable(head), Optional.ofNullable(earlier), Optional.ofNullable(key));
        return switch (new RecordVerifier(out).verify(record, anchors)) {
            case VERIFIED -> VERIFIED;
            case TAMPERED -> TAMPERED;
            case UNREADABLE -> UNREADABLE;
        };
    }

    /** Runs the command as `kioskvote verify ARGS…` would, printing to {@code out}: the exit code. */
    public static int run(PrintStream out, String... args) {
        CommandLine cli = new CommandLine(new VerifyCommand(out));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(out, true));
        return cli.execute(args);
    }
}
