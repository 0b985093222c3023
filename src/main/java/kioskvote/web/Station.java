package kioskvote.web;

import java.security.SecureRandom;

import org.jdbi.v3.core.Jdbi;

import kioskvote.admin.AdminPassphrase;
import kioskvote.admin.AttemptLimiter;
import kioskvote.ballot.BallotBox;
import kioskvote.meeting.Meeting;
import kioskvote.poll.PollLifecycle;
import kioskvote.roster.Roster;
import kioskvote.slip.SlipOffice;
import kioskvote.kiosk.KioskSessions;

/** Everything the handlers call, built once by App. */
public record Station(Meeting meeting, Jdbi jdbi, BallotBox ballotBox, PollLifecycle desk, SlipOffice slips,
                      AttemptLimiter attempts, LiveFeed feed, String keyFingerprint, String publicBaseUrl, SecureRandom random,
                      Roster roster, KioskSessions kiosks, AdminPassphrase adminPassphrase) {
}
