package kioskvote;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import io.javalin.Javalin;

import kioskvote.admin.AttemptLimiter;
import kioskvote.admin.Passphrase;
import kioskvote.audit.AuditLog;
import kioskvote.ballot.BallotBox;
import kioskvote.ballot.Poll;
import kioskvote.ballot.PollDefinition;
import kioskvote.config.MeetingConfig;
import kioskvote.meeting.PollDesk;
import kioskvote.slip.SlipOffice;
import kioskvote.store.Database;
import kioskvote.store.PollStateDao;
import kioskvote.store.StationDao;
import kioskvote.store.StationDao.StationRow;
import kioskvote.token.MeetingKey;
import kioskvote.token.TokenIssuer;
import kioskvote.token.TokenVerifier;
import kioskvote.web.LiveFeed;
import kioskvote.web.Routes;
import kioskvote.web.Station;

/** Builds the whole station from a meeting config and a data directory: wiring only. */
public final class App {
    public record Settings(MeetingConfig config, Path dataDir, String jdbcUrl, String publicBaseUrl) {
    }

    private App() {
    }

    /** Opens storage and keys and checks the data directory belongs to this meeting. */
    public static Station open(Settings settings, Clock clock, SecureRandom random, PrintStream out) {
        var meeting = settings.config().meeting();
        Jdbi jdbi = Database.open(settings.jdbcUrl());
        AuditLog audit = new AuditLog(clock);
        prepareStation(jdbi, settings.config(), audit, random, out);
        MeetingKey key = MeetingKey.loadOrCreate(settings.dataDir(), random);
        LiveFeed feed = new LiveFeed();
        PollDesk desk = new PollDesk(jdbi, meeting, audit, clock, key.fingerprint(), feed);
        feed.attach(desk);
        return new Station(meeting, jdbi,
                new BallotBox(jdbi, meeting, new TokenVerifier(key, meeting.id()), random, feed), desk,
                new SlipOffice(jdbi, meeting, new TokenIssuer(key, meeting.id(), random), audit, clock, random),
                new AttemptLimiter(clock), feed, key.fingerprint(), settings.publicBaseUrl(), random);
    }

    /** Starts HTTP on the given port (0 picks a free one). */
    public static Javalin serve(Station station, int port) {
        return Routes.create(station).start(port);
    }

    private static void prepareStation(Jdbi jdbi, MeetingConfig config, AuditLog audit, SecureRandom random, PrintStream out) {
        var meeting = config.meeting();
        jdbi.useTransaction(h -> {
            StationDao stations = new StationDao(h);
            Optional<StationRow> existing = stations.find();
            if (existing.isPresent() && !existing.get().meetingId().equals(meeting.id())) {
                throw new StartupRefused("this data directory holds the meeting \"" + existing.get().meetingId()
                        + "\", not \"" + meeting.id() + "\": use another --data directory");
            }
            Optional<String> configured = config.station().adminPassphrase();
            if (existing.isEmpty()) {
                String passphrase = configured.orElseGet(() -> Passphrase.generate(random));
                String salt = Passphrase.newSalt(random);
                stations.insert(new StationRow(meeting.id(), 0, salt, Passphrase.hash(passphrase, salt)));
                audit.append(h, "station-created", "meeting=" + meeting.id() + " config-sha256=" + config.sourceSha256());
                if (configured.isEmpty()) {
                    out.println("Admin passphrase (shown once, write it down): " + passphrase);
                }
            } else if (configured.isPresent()
                    && !Passphrase.matches(configured.get(), existing.get().adminSalt(), existing.get().adminHash())) {
                String salt = Passphrase.newSalt(random);
                stations.setAdminHash(salt, Passphrase.hash(configured.get(), salt));
                audit.append(h, "admin-passphrase-changed", "from meeting.yaml");
            }
            PollStateDao polls = new PollStateDao(h);
            for (Poll poll : meeting.polls()) {
                var row = polls.find(poll.id());
                if (row.isEmpty()) {
                    polls.insertDraft(poll.id());
                } else if (row.get().definitionHash().isPresent()
                        && !row.get().definitionHash().get().equals(PollDefinition.hash(poll))) {
                    throw new StartupRefused("poll \"" + poll.id() + "\" was opened with another definition (sha256 "
                            + row.get().definitionHash().get() + "); meeting.yaml now describes it differently. "
                            + "Put back the file as it was when the poll opened, or give the changed poll a new id.");
                }
            }
            audit.append(h, "station-started", "config-sha256=" + config.sourceSha256());
        });
    }

    /** The station cannot start with this config and data; the message says why and what to do. */
    public static class StartupRefused extends RuntimeException {
        public StartupRefused(String message) {
            super(message);
        }
    }
}
