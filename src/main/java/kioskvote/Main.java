package kioskvote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import kioskvote.App.Station;
import kioskvote.config.ConfigException;
import kioskvote.config.MeetingConfig;
import kioskvote.config.MeetingLoader;
import kioskvote.meeting.Meeting;
import kioskvote.slip.QrCode;
import kioskvote.store.Database;
import kioskvote.token.MeetingKey;
import kioskvote.token.TokenRejected;
import kioskvote.web.LanAddresses;

/** The command line: serve, slips, verify-token, verify, check-page. No logic beyond reading options and printing. */
@Command(name = "kioskvote", mixinStandardHelpOptions = true, version = "kioskvote 0.1",
        description = "Secret-ballot voting station for meetings.",
        subcommands = {Main.Serve.class, Main.Slips.class, Main.VerifyToken.class, kioskvote.record.VerifyCommand.class,
                kioskvote.pagecheck.CheckPageCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof App.StartupRefused || e instanceof IllegalStateException
                    || e instanceof IOException) {
                cmd.getErr().println("kioskvote: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options every sub-command that opens a meeting shares. */
    static class MeetingOptions {
        @Option(names = "--config", defaultValue = "kiosk-config/demo", description = "Meeting folder with meeting.yaml (default: ${DEFAULT-VALUE}).")
        Path config;

        @Option(names = "--data", defaultValue = "data", description = "Data directory: database and meeting key (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--db", description = "JDBC URL of the database (default: an H2 file in the data directory); "
                + "jdbc:postgresql://HOST/DB?user=… to share one database between several stations (docs/scaling.md).")
        String db;

        @Option(names = "--key-dir", description = "Directory of the meeting key (default: the data directory). "
                + "Every station of one meeting needs the same key.")
        Path keyDir;

        @Option(names = "--base-url", description = "Address printed on slips, e.g. http://192.168.1.10:7070 (default: the first LAN address).")
        String baseUrl;

        Path keyDir() {
            return keyDir != null ? keyDir : data;
        }

        App.Settings settings(int port) throws IOException {
            MeetingConfig config = MeetingLoader.load(this.config);
            kioskvote.store.DataDirectory.prepare(data); // missing: created; read-only: one clear line, exit code 2
            String jdbcUrl = db != null ? db : config.station().databaseUrl().orElse(Database.h2Url(data));
            String base = baseUrl != null ? baseUrl
                    : config.station().baseUrl().orElse(LanAddresses.urls(port).stream().findFirst().orElse("http://127.0.0.1:" + port));
            return new App.Settings(config, data, keyDir(), jdbcUrl, base.replaceAll("/+$", ""));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the voting station.")
    static class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        MeetingOptions meeting;

        @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--staff-lan", description = "Let staff devices on the network use the admin pages, the desk and the count, "
                + "over HTTPS only, with a certificate authority the station makes for the meeting (default: only this laptop; "
                + "docs/security.md \"The network\").")
        boolean staffLan;

        @Option(names = "--https-port", defaultValue = "7443", description = "HTTPS port, with --staff-lan or --tls-cert (default: ${DEFAULT-VALUE}).")
        int httpsPort;

        @Option(names = "--tls-cert", paramLabel = "PEM", description = "The organisation's own certificate (and chain), PEM, for a name "
                + "its network resolves: then every device, phones included, may use HTTPS. Needs --tls-key.")
        Path tlsCert;

        @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert, PEM, not encrypted.")
        Path tlsKey;

        @Override
        public Integer call() throws IOException {
            if ((tlsCert == null) != (tlsKey == null)) throw new IllegalStateException("--tls-cert and --tls-key go together: give both, or neither");
            var settings = meeting.settings(port);
            Station station = App.open(settings, Clock.systemDefaultZone(), new SecureRandom(), System.out);
            Optional<App.StationHttps> https;
            try {
                https = ServeHttps.choose(staffLan, Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey), settings.dataDir(),
                        LanAddresses.addresses(), httpsPort, new SecureRandom(), Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage());
            }
            var app = App.serve(station, port, new kioskvote.web.StaffNetwork(staffLan), https);
            try {
                station.slips().mintAhead(); // the station answers meanwhile; "Ready" is printed with the pool full
            } catch (RuntimeException e) {
                app.stop();
                throw e;
            }
            int actualPort = app.port();
            List<String> urls = LanAddresses.urls(actualPort);
            System.out.println();
            System.out.println("kioskvote: " + station.meeting().title());
            System.out.println("Meeting key fingerprint: " + station.keyFingerprint());
            System.out.println("On this laptop:   http://127.0.0.1:" + actualPort + "/");
            urls.forEach(u -> System.out.println("On the network:   " + u + "/"));
            System.out.println(staffLan ? "Staff pages (admin, desk, count): on this laptop and, over HTTPS only, from staff devices on the network."
                    : "Staff pages (admin, desk, count): on this laptop only, http://127.0.0.1:" + actualPort + "/admin (--staff-lan lets staff devices in).");
            https.ifPresent(h -> {
                urls.forEach(u -> System.out.println("HTTPS:            " + u.replaceFirst("^http:", "https:").replaceFirst(":\\d+$", ":" + h.port()) + "/"));
                h.identity().meetingCa().ifPresent(ca -> System.out.println("Meeting certificate for staff devices: SHA-256 " + ca.fingerprint()
                        + "\n  install it from http://127.0.0.1:" + actualPort + "/admin/https (steps there and in README.md)"));
            });
            String main = urls.isEmpty() ? "http://127.0.0.1:" + actualPort + "/" : urls.get(0) + "/";
            System.out.println(QrCode.encode(main).toTerminal());
            System.out.println("Ready on port " + actualPort + ". Stop with Ctrl+C.");
            var stopped = new java.util.concurrent.CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                stopped.countDown();
            }));
            try {
                stopped.await(); // serve until the process is told to stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    @Command(name = "slips", mixinStandardHelpOptions = true,
            description = "Issue N ballot slips to a printable HTML page (the station must not be running on the same data directory).")
    static class Slips implements Callable<Integer> {
        @CommandLine.Mixin
        MeetingOptions meeting;

        @Option(names = "--count", required = true, description = "How many slips (1-2000).")
        int count;

        @Option(names = "--label", description = "A label for this run of slips.")
        String label;

        @Option(names = "--out", defaultValue = "slips.html", description = "Output file (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--port", defaultValue = "7070", description = "Port printed in the slip URL when no --base-url is given.")
        int port;

        @Override
        public Integer call() throws IOException {
            Station station = openOrExplain(meeting.settings(port));
            var run = station.slips().issue(count, label, station.publicBaseUrl());
            try (var writer = Files.newBufferedWriter(kioskvote.store.DataDirectory.createOwnerOnly(out))) { // each slip can vote
                station.slips().writeSheet(run, station.keyFingerprint(), writer);
            }
            System.out.println("Wrote " + count + " slips (run " + run.batchId() + ") to " + out.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "verify-token", mixinStandardHelpOptions = true,
            description = "Read a slip (its URL or the digits after '#') and print its short code, without spending it.")
    static class VerifyToken implements Callable<Integer> {
        @CommandLine.Mixin
        MeetingOptions meeting;

        @Parameters(paramLabel = "SLIP", description = "The slip's URL, or the 39 digits after '#'.")
        String token;

        @Override
        public Integer call() {
            MeetingLoader.load(meeting.config); // the meeting must load, as for every command
            String text = token.contains("#") ? token.substring(token.lastIndexOf('#') + 1) : token;
            try {
                var slip = kioskvote.token.Token.decode(text);
                // No signature to check: a slip is valid if the station issued it, which only its database says
                // (by a keyed hash of the slip's key: docs/security.md, "Slips").
                System.out.println("readable: short code " + slip.shortCode() + "; whether it was issued, the station's desk can tell");
                return 0;
            } catch (TokenRejected e) {
                System.out.println("refused: " + e.reason().name().toLowerCase().replace('_', ' '));
                return 1;
            }
        }
    }

    static Station openOrExplain(App.Settings settings) {
        try {
            return App.open(settings, Clock.systemDefaultZone(), new SecureRandom(), System.out);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Database may be already in use")) {
                throw new IllegalStateException("the data directory is in use by a running station; "
                        + "issue slips from its admin page (or POST /api/admin/slips) instead");
            }
            throw e;
        }
    }
}
