package kioskvote.web;

import java.security.SecureRandom;

import org.jdbi.v3.core.Jdbi;

import kioskvote.admin.AdminPassphrase;
import kioskvote.admin.AttemptLimiter;
import kioskvote.ballot.BallotBox;
import kioskvote.config.Meeting;
import kioskvote.meeting.PollDesk;
import kioskvote.roster.Roster;
import kioskvote.slip.SlipOffice;

/** Everything the handlers call, built once by App. */
public record Station(Meeting meeting, Jdbi jdbi, BallotBox ballotBox, PollDesk desk, SlipOffice slips,
                      AttemptLimiter attempts, LiveFeed feed, String keyFingerprint, String publicBaseUrl, SecureRandom random,
                      Roster roster, KioskSessions kiosks, AdminPassphrase adminPassphrase) {
}
