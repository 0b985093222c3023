package kioskvote;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

import io.javalin.Javalin;
import org.jdbi.v3.core.Jdbi;

import kioskvote.admin.AdminPassphrase;
import kioskvote.admin.AdminSessions;
import kioskvote.admin.AttemptLimiter;
import kioskvote.admin.Passphrase;
import kioskvote.admin.StaffCredentials;
import kioskvote.audit.AuditLog;
import kioskvote.ballot.BallotBox;
import kioskvote.ballot.VotingRights;
import kioskvote.config.MeetingConfig;
import kioskvote.editor.MeetingEditor;
import kioskvote.kiosk.KioskBooth;
import kioskvote.kiosk.KioskDeliveries;
import kioskvote.kiosk.KioskEnrolments;
import kioskvote.kiosk.KioskHandOff;
import kioskvote.kiosk.KioskSealing;
import kioskvote.kiosk.KioskSessions;
import kioskvote.meeting.Meeting;
import kioskvote.meeting.Poll;
import kioskvote.meeting.PollDefinition;
import kioskvote.paper.PaperDesk;
import kioskvote.poll.BoxOpening;
import kioskvote.poll.PollLifecycle;
import kioskvote.poll.PollResults;
import kioskvote.poll.PollStatuses;
import kioskvote.poll.PollRecords;
import kioskvote.roster.CheckInDesk;
import kioskvote.roster.Roster;
import kioskvote.roster.RosterEditor;
import kioskvote.slip.SlipOffice;
import kioskvote.store.AuditDao;
import kioskvote.store.DataDirectory;
import kioskvote.store.Database;
import kioskvote.store.PollDefinitionDao;
import kioskvote.store.PollStateDao;
import kioskvote.store.StationDao.StationRow;
import kioskvote.store.StationDao;
import kioskvote.poll.BoxStorage;
import kioskvote.store.StorageKeyFiles;
import kioskvote.store.StorageKeyTable;
import kioskvote.store.StorageKeys;
import kioskvote.token.KeyedHash;
import kioskvote.token.MeetingKey;
import kioskvote.token.SlipHashes;
import kioskvote.web.AdminApi;
import kioskvote.web.AdminGuard;
import kioskvote.web.AdminPages;
import kioskvote.web.CardDealing;
import kioskvote.web.DeviceSealingApi;
import kioskvote.web.BallotPages;
import kioskvote.web.ChairApi;
import kioskvote.web.ChairPage;
import kioskvote.web.CountPages;
import kioskvote.web.DeskPage;
import kioskvote.web.HttpsConnector;
import kioskvote.web.HttpsPage;
import kioskvote.web.KioskPages;
import kioskvote.web.LiveFeed;
import kioskvote.web.MeetingApi;
import kioskvote.web.MeetingEditorPage;
import kioskvote.web.PaperPages;
import kioskvote.web.RecordPages;
import kioskvote.web.RoomPage;
import kioskvote.web.RosterApi;
import kioskvote.web.RosterEditApi;
import kioskvote.web.RosterPage;
import kioskvote.web.Routes;
import kioskvote.web.StaffNetwork;
import kioskvote.web.StaffPages;
import kioskvote.web.VoterApi;

/** Builds the whole station from a meeting config and a data directory: wiring only. */
public final class App {
    /**
     * @param keyDir where the meeting key lives: the data directory unless --key-dir says otherwise. Stations
     *               sharing one PostgreSQL database must each hold a copy of the same key (docs/scaling.md).
     */
    public record Settings(MeetingConfig config, Path dataDir, Path keyDir, String jdbcUrl, String publicBaseUrl) {
    }

    private App() {
    }

    /** Opens storage and keys and checks the data directory belongs to this meeting. */
    public static Station open(Settings settings, Clock clock, SecureRandom random, PrintStream out) {
        var meeting = settings.config().meeting();
        boolean h2 = !Database.isPostgres(settings.jdbcUrl());
        MeetingKey.refuseIfLoose(settings.keyDir()); // before secure() below would make it 0600 and hide that it was open
        DataDirectory.secure(settings.dataDir(), h2);
        Jdbi jdbi = Database.open(settings.jdbcUrl());
        // An embedded H2 file has one station: its storage keys are files it can destroy for good.
        StorageKeys storageKeys = Database.isEmbeddedH2(settings.jdbcUrl())
                ? new StorageKeyFiles(settings.dataDir()) : new StorageKeyTable(jdbi);
        BoxStorage boxStorage = new BoxStorage(storageKeys, random);
        kioskvote.store.DurableStorage.warning(jdbi).ifPresent(out::println);
        AuditLog audit = new AuditLog(clock);
        MeetingKey key = loadMeetingKey(jdbi, settings.keyDir(), random);
        DataDirectory.secure(settings.dataDir(), h2); // the files H2 and the key just created
        try {
            prepareStation(jdbi, settings.config(), audit, random, out, key.fingerprint(), settings.keyDir());
        } catch (RuntimeException e) {
            // Two stations starting together on an empty shared database: one created the station row first.
            if (!Database.isUniqueViolation(e)) throw e;
            prepareStation(jdbi, settings.config(), audit, random, out, key.fingerprint(), settings.keyDir());
        }
        LiveFeed feed = Database.isPostgres(settings.jdbcUrl()) ? LiveFeed.watchingOtherStations() : new LiveFeed();
        PollRecords records = new PollRecords(jdbi, meeting, key, audit);
        PollStatuses statuses = new PollStatuses(jdbi, meeting, records);
        PollResults results = new PollResults(jdbi, meeting, key.fingerprint(), records, statuses);
        PollLifecycle desk = new PollLifecycle(jdbi, meeting, audit, clock, feed, random, boxStorage, records, key, statuses, results);
        BoxOpening boxOpening = new BoxOpening(jdbi, meeting, audit, clock, feed, random, boxStorage, records, key, statuses);
        feed.attach(statuses);
        boxStorage.destroyKeysOfCountedPolls(jdbi, meeting.polls()); // a crash may have come between a count and this
        SlipHashes slipHashes = SlipHashes.of(key);
        SlipOffice slips = new SlipOffice(jdbi, meeting, audit, clock, random,
                slipHashes, SlipOffice.poolSizeFor(meeting)).printingWifi(settings.config().station().wifi());
        Roster roster = new Roster(jdbi, meeting, audit, random, feed);
        CheckInDesk checkInDesk = new CheckInDesk(jdbi, meeting, slips, audit, random, feed, settings.publicBaseUrl(),
                KeyedHash.of(key, "kiosk-visit"));
        slips.convertLegacyTokens();     // a V3 database: short codes to keyed hashes (needs the key)
        roster.convertLegacyHandouts();  // and per-poll hand-outs to one holder per person
        BallotBox ballotBox = new BallotBox(jdbi, meeting, slipHashes, random, feed, storageKeys, key);
        KioskEnrolments kioskEnrolments = new KioskEnrolments(clock, random, jdbi, audit);
        return new Station(meeting, jdbi, ballotBox, new VotingRights(jdbi, meeting, ballotBox, settings.config().station().deviceSealing()), desk, statuses, results, boxOpening, slips,
                new AttemptLimiter(clock), feed, key.fingerprint(), settings.publicBaseUrl(), random, clock, audit,
                roster, checkInDesk, new KioskSessions(clock, random, kioskEnrolments), kioskEnrolments,
                new AdminPassphrase(jdbi, settings.config().station().adminPassphrase()), records,
                new MeetingEditor(jdbi, meeting, audit, clock, feed, settings.config().sourceSha256()), settings.config().station());
    }

    /** The station's services, built once by {@link #open}; {@link #serve} hands each handler the ones it uses. */
    public record Station(Meeting meeting, Jdbi jdbi, BallotBox ballotBox, VotingRights rights, PollLifecycle polls,
                          PollStatuses pollStatuses, PollResults results, BoxOpening boxOpening,
                          SlipOffice slips, AttemptLimiter attempts, LiveFeed feed, String keyFingerprint, String publicBaseUrl,
                          SecureRandom random, Clock clock, AuditLog audit, Roster roster, CheckInDesk checkInDesk, KioskSessions kiosks,
                          KioskEnrolments kioskEnrolments, AdminPassphrase adminPassphrase,
                          PollRecords records, MeetingEditor editor, kioskvote.config.StationSettings stationSettings) {
    }

    /**
     * The station's HTTPS: its identity (the meeting CA's certificate, or the organisation's), its port (0 picks a free
     * one), and the laptop's page about it.
     */
    public record StationHttps(kioskvote.tls.ServerIdentity identity, int port, HttpsPage page) {
    }

    /** Starts HTTP on the given port (0 picks a free one), staff pages on this laptop only. */
    public static Javalin serve(Station s, int port) {
        return serve(s, port, StaffNetwork.LAPTOP_ONLY);
    }

    /** Starts HTTP on the given port; {@code staff} says whether staff devices on the network may use the staff pages. */
    public static Javalin serve(Station s, int port, StaffNetwork staff) {
        return serve(s, port, staff, Optional.empty());
    }

    /** The same, and with {@code https} the same routes over HTTPS on its port as well (docs/security.md, "The network"). */
    public static Javalin serve(Station s, int port, StaffNetwork staff, Optional<StationHttps> https) {
        var sessions = new AdminSessions(s.random(), s.clock());
        var credentials = new StaffCredentials(s.jdbi(), s.adminPassphrase(), s.audit(), s.random(), sessions);
        var guard = new AdminGuard(credentials, s.attempts(), sessions, staff);
        var deliveries = new KioskDeliveries(s.jdbi(), s.meeting(), s.slips(), s.audit(), s.feed(), s.publicBaseUrl(),
                s.checkInDesk().bootId());
        var booth = new KioskBooth(s.kiosks(), s.rights(), deliveries);
        var deviceSealing = new kioskvote.ballot.DeviceSealing(s.ballotBox());
        var rosterEditor = new RosterEditor(s.jdbi(), s.meeting(), s.audit(), s.random(), s.feed());
        var cards = new CardDealing(); // the key cards not yet dealt, for the admin pages and the API alike
        var handlers = new Routes.Handlers(
                new VoterApi(s.meeting(), s.keyFingerprint(), s.ballotBox(), s.roster()::turnout, s.rights()),
                new BallotPages(s.meeting(), s.rights(), s.pollStatuses(), s.random()),
                new KioskPages(s.meeting(), booth, new KioskSealing(booth, s.kiosks(), deviceSealing, s.clock()), s.random(), s.clock()),
                new ChairApi(s.pollStatuses(), s.results()),
                new ChairPage(s.meeting(), s.pollStatuses(), s.results(), s.keyFingerprint(), s.publicBaseUrl(), s.slips().wifi()),
                s.feed(), guard,
                new AdminPages(s.meeting(), s.polls(), s.pollStatuses(), s.slips(), s.roster(), guard, credentials, s.publicBaseUrl(), s.keyFingerprint(), cards),
                new CountPages(s.meeting(), s.pollStatuses(), s.boxOpening()),
                new StaffPages(credentials),
                new AdminApi(s.polls(), s.pollStatuses(), s.results(), s.boxOpening(), s.slips(), credentials, s.publicBaseUrl(), s.keyFingerprint(), cards),
                new DeskPage(s.meeting(), s.pollStatuses(), s.roster(), deliveries, s.kioskEnrolments(), booth, guard),
                new RosterApi(s.roster(), s.checkInDesk(),
                        new KioskHandOff(s.checkInDesk(), s.kioskEnrolments(), s.kiosks(), deliveries), s.kiosks(), deliveries),
                s.kioskEnrolments(), s.meeting(), new RecordPages(s.meeting(), s.records()),
                new PaperPages(s.meeting(), new PaperDesk(s.jdbi(), s.rights(), s.audit(), s.clock(), s.random())),
                new RosterPage(s.meeting(), s.roster(), rosterEditor), new RosterEditApi(rosterEditor, s.roster()),
                new MeetingApi(s.editor(), s.stationSettings()), new MeetingEditorPage(s.editor(), s.roster()::turnout),
                new RoomPage(s.meeting(), s.pollStatuses(), s.results()), new DeviceSealingApi(deviceSealing));
        Javalin app = Routes.create(handlers, https.map(StationHttps::page).orElse(HttpsPage.NONE));
        https.ifPresent(h -> HttpsConnector.add(app, h.identity(), port, h.port()));
        app.start(port); // mints no token: serve (Main) then fills the desk's pool, SlipOffice.mintAhead
        return app;
    }

    /**
     * The key of a database that has already seen one is never created afresh: a station without a copy
     * of it is refused, rather than printing slips the other stations would not accept.
     */
    private static MeetingKey loadMeetingKey(Jdbi jdbi, Path keyDir, SecureRandom random) {
        Optional<String> recorded = jdbi.withHandle(h -> new StationDao(h).keyFingerprint());
        if (recorded.isPresent() && !Files.exists(keyDir.resolve(MeetingKey.PRIVATE_KEY_FILE))) {
            throw new StartupRefused("this database belongs to the meeting key with fingerprint " + recorded.get()
                    + ", and there is no " + MeetingKey.PRIVATE_KEY_FILE + " in " + keyDir + ". Copy "
                    + MeetingKey.PRIVATE_KEY_FILE + " (mode 0600) and " + MeetingKey.PUBLIC_KEY_FILE
                    + " from the first station's data directory into it, or point --key-dir at them (docs/scaling.md).");
        }
        return MeetingKey.loadOrCreate(keyDir, random);
    }

    private static void prepareStation(Jdbi jdbi, MeetingConfig config, AuditLog audit, SecureRandom random, PrintStream out,
                                       String keyFingerprint, Path keyDir) {
        var meeting = config.meeting();
        jdbi.useTransaction(h -> {
            // A log edited behind the station's back would be carried into every record: refuse to add to it.
            AuditLog.firstBreak(new AuditDao(h).all()).ifPresent(broken -> {
                throw new StartupRefused("the audit log is broken at entry " + broken.seq() + " (" + broken.event() + "): "
                        + broken.problem() + ". Nothing was changed; keep this data directory for the counting committee.");
            });
            StationDao stations = new StationDao(h);
            Optional<StationRow> existing = stations.find();
            if (existing.isPresent() && !existing.get().meetingId().equals(meeting.id())) {
                throw new StartupRefused("this database holds the meeting \"" + existing.get().meetingId()
                        + "\", not \"" + meeting.id() + "\": use another --data directory (or another --db)");
            }
            Optional<String> recordedKey = stations.keyFingerprint();
            if (recordedKey.isPresent() && !recordedKey.get().equals(keyFingerprint)) {
                throw new StartupRefused("the meeting key in " + keyDir + " (fingerprint " + keyFingerprint
                        + ") is not the key this database's slips are signed with (fingerprint " + recordedKey.get()
                        + "). Every station of a meeting needs a copy of the same " + MeetingKey.PRIVATE_KEY_FILE
                        + " and " + MeetingKey.PUBLIC_KEY_FILE + " (docs/scaling.md).");
            }
            Optional<String> configured = config.station().adminPassphrase();
            if (existing.isEmpty()) {
                stations.insert(new StationRow(meeting.id(), 0, "", AdminPassphrase.FROM_CONFIG));
                if (configured.isEmpty()) generatePassphrase(h, stations, audit, random, out);
                stations.setKeyFingerprint(keyFingerprint);
                audit.append(h, "station-created", "meeting=" + meeting.id() + " config-sha256=" + config.sourceSha256());
                if (config.roster().isPresent()) Roster.importInto(h, config.roster().get(), audit, random); // kiosk-config/…/roster.csv
            } else if (configured.isEmpty() && AdminPassphrase.FROM_CONFIG.equals(existing.get().adminHash())) {
                generatePassphrase(h, stations, audit, random, out); // meeting.yaml no longer sets one
            }
            if (existing.isPresent() && recordedKey.isEmpty()) {
                stations.setKeyFingerprint(keyFingerprint); // a database from before the key was recorded
            }
            // The meeting as edited in the admin pages, once it was (docs/roster-and-kiosk.md, "The meeting editor").
            MeetingEditor.restore(h, meeting, config.sourceSha256()).ifPresent(out::println);
            // Polls added while a station ran (second rounds) come back after meeting.yaml's (docs/rules.md, "Second round").
            for (var stored : new PollDefinitionDao(h).all()) {
                meeting.change(current -> current.poll(stored.pollId()).isPresent() ? Meeting.Change.none(null)
                        : Meeting.Change.to(current.withPollAdded(PollDefinition.parse(stored.definitionJson())), null));
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

    /** A passphrase of the station's own, printed once and kept only as a PBKDF2 hash. */
    private static void generatePassphrase(org.jdbi.v3.core.Handle h, StationDao stations, AuditLog audit, SecureRandom random, PrintStream out) {
        String passphrase = Passphrase.generate(random);
        String salt = Passphrase.newSalt(random);
        stations.setAdminHash(salt, Passphrase.hash(passphrase, salt));
        audit.append(h, "admin-passphrase-generated", "printed once on the station's terminal");
        out.println("Admin passphrase (shown once, write it down): " + passphrase);
    }

    /** The station cannot start with this config and data; the message says why and what to do. */
    public static class StartupRefused extends RuntimeException {
        public StartupRefused(String message) {
            super(message);
        }
    }
}
