package kioskvote.pagecheck;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import kioskvote.record.BallotPage;
import kioskvote.token.Token;
import kioskvote.token.TokenRejected;

/**
 * `kioskvote check-page URL`: fetches the phone's ballot page and its scripts from the station, as a phone would, and
 * compares them with the page hash the polls' commitments pin (GET /api/ballot-page; the projector and the minutes show
 * the same hash) and with {@code --expect}. Exit codes: 0 match, 1 mismatch, 2 usage, 3 station unreachable.
 */
@Command(name = "check-page", mixinStandardHelpOptions = true,
        description = {"Check that a station serves the ballot page its polls' commitments pin: fetches the page and the scripts "
                + "every phone runs, hashes them (docs/record.md, \"The ballot page\") and compares with the hash the station "
                + "publishes for its polls and shows on the projector, and with --expect.",
                "Exit codes: 0 match, 1 mismatch (or nothing to compare with), 2 usage, 3 station unreachable."})
public final class CheckPageCommand implements Callable<Integer> {
    public static final int MATCH = 0;
    public static final int MISMATCH = 1;
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    public static final int UNREACHABLE = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The station (http://192.168.1.10:7070), or your slip's URL (…/V#digits): "
            + "then the ballot page of your own slip is fetched (fetching it does not use the slip).")
    String url;

    @Option(names = "--expect", paramLabel = "HASH", description = "The page hash to expect (from the projector, the minutes or "
            + "a build you trust; spaces allowed, at least its first 16 digits).")
    String expect;

    @Option(names = "--poll", paramLabel = "POLL", description = "Compare with this poll's commitment only (default: the open "
            + "polls', or every committed poll's when none is open).")
    String poll;

    private final PrintStream out;

    public CheckPageCommand() {
        this(System.out);
    }

    public CheckPageCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        URI given = parseUrl();
        String expected = expect == null ? null : expect.replaceAll("[\\s-]", "").toLowerCase();
        if (expected != null && (!expected.matches("[0-9a-f]{16,64}"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--expect: expected the page hash (hex digits, at least 16), found " + expect);
        }
        URI base = URI.create(given.getScheme() + "://" + given.getRawAuthority() + "/");
        StationClient station = new StationClient();
        List<String> problems = new ArrayList<>();
        try {
            URI page = ballotPageOf(given, base);
            out.println("Page: " + page);
            checkScriptsOfThePage(page, new String(station.get(page), StandardCharsets.UTF_8), problems);
            Map<String, byte[]> served = new HashMap<>();
            for (String path : BallotPage.SCRIPTS) served.put(path, station.get(base.resolve(path)));
            BallotPage servedPage = BallotPage.of(served::get);
            for (String path : BallotPage.SCRIPTS) out.println("  " + servedPage.scriptSha256().get(path) + " " + path);
            String hash = servedPage.sha256();
            out.println("Ballot page sha256 (served now): " + hash);
            boolean compared = compareWithCommitments(hash, station.get(base.resolve("/api/ballot-page")), problems);
            if (expected != null) {
                boolean same = hash.startsWith(expected);
                out.println("--expect " + expected + ": " + (same ? "match" : "DIFFERENT"));
                if (!same) problems.add("the page hash is not the one --expect gives");
                compared = true;
            }
            if (!compared && problems.isEmpty()) {
                out.println("NOT CHECKED: no poll of this station has a commitment yet, and no --expect HASH was given: nothing to compare with.");
                return MISMATCH;
            }
            if (!compared) problems.add("nothing to compare with: no poll of this station has a commitment yet; give --expect HASH");
        } catch (StationClient.Unreachable e) {
            out.println("UNREACHABLE: " + e.getMessage());
            return UNREACHABLE;
        }
        if (problems.isEmpty()) {
            out.println("MATCH: the station serves the ballot page its commitment pins.");
            return MATCH;
        }
        out.println("MISMATCH: do not vote on this page; tell the chair and the counting committee.");
        problems.forEach(p -> out.println("  - " + p));
        return MISMATCH;
    }

    private URI parseUrl() {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) throw new URISyntaxException(url, "no host");
            return uri;
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "URL: expected the station's address, e.g. http://192.168.1.10:7070, found " + url);
        }
    }

    /** A slip's URL opens that slip's ballot page (/v/PUBLIC-KEY, as public/slip.js goes on to); any other URL is fetched as given. */
    private static URI ballotPageOf(URI given, URI base) {
        String fragment = given.getRawFragment();
        if (fragment != null && !fragment.isEmpty()) {
            try {
                return base.resolve("/v/" + Token.decode(fragment).slipKey().publicKeyHex());
            } catch (TokenRejected e) {
                // not a slip: the page as given
            }
        }
        try {
            return new URI(given.getScheme(), given.getRawAuthority(), given.getRawPath().isEmpty() ? "/" : given.getPath(), given.getQuery(), null);
        } catch (URISyntaxException e) {
            return base;
        }
    }

    /** Every script the page loads must be one of the pinned scripts, from the station itself, in the pinned order; none inline. */
    private void checkScriptsOfThePage(URI page, String html, List<String> problems) {
        List<StationClient.Script> scripts = StationClient.scripts(page, html);
        out.println("  loads " + scripts.size() + " script" + (scripts.size() == 1 ? "" : "s"));
        int last = -1;
        for (StationClient.Script s : scripts) {
            if (s.inline()) {
                problems.add("the page runs a script written into it (inline), which no hash pins");
                continue;
            }
            URI src = URI.create(s.src());
            String path = src.getRawPath() + (src.getRawQuery() == null ? "" : "?" + src.getRawQuery());
            if (!StationClient.origin(src).equals(StationClient.origin(page))) {
                problems.add("the page loads a script from elsewhere: " + s.src());
            } else if (!BallotPage.SCRIPTS.contains(path)) {
                problems.add("the page loads a script that is not pinned: " + path);
            } else if (BallotPage.SCRIPTS.indexOf(path) <= last) {
                problems.add("the page loads " + path + " out of the pinned order");
            } else {
                last = BallotPage.SCRIPTS.indexOf(path);
            }
        }
    }

    /** Compares with the commitments the station publishes; false when none was there to compare with. */
    private boolean compareWithCommitments(String hash, byte[] published, List<String> problems) throws StationClient.Unreachable {
        JsonNode polls;
        try {
            JsonNode root = new ObjectMapper().readTree(published);
            if (!BallotPage.FIRST_LINE.equals(root.path("format").asText())) {
                throw new StationClient.Unreachable("/api/ballot-page: not a format this command reads (" + root.path("format").asText() + ")");
            }
            polls = root.path("polls");
        } catch (java.io.IOException e) {
            throw new StationClient.Unreachable("/api/ballot-page: not JSON");
        }
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode p : polls) {
            if (poll != null ? poll.equals(p.path("poll").asText()) : p.path("state").asText().equals("open")) chosen.add(p);
        }
        if (poll == null && chosen.isEmpty()) polls.forEach(chosen::add);
        if (poll != null && chosen.isEmpty()) problems.add("--poll " + poll + ": the station publishes no commitment for this poll");
        for (JsonNode p : chosen) {
            String committed = p.path("ballotPageSha256").asText();
            boolean same = committed.equals(hash);
            out.println("Poll " + p.path("poll").asText() + " (" + p.path("state").asText() + ") committed " + committed + ": "
                    + (same ? "match" : "DIFFERENT"));
            if (!same) problems.add("poll " + p.path("poll").asText() + "'s commitment pins another ballot page");
        }
        return !chosen.isEmpty();
    }

    /** Runs the command as `kioskvote check-page ARGS…` would, printing to {@code out}: the exit code. */
    public static int run(PrintStream out, String... args) {
        CommandLine cli = new CommandLine(new CheckPageCommand(out));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(out, true));
        return cli.execute(args);
    }
}
