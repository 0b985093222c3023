package kioskvote.config;

import java.util.Optional;

import kioskvote.meeting.Meeting;
import kioskvote.roster.RosterCsv;

/**
 * What kiosk-config/NAME/ holds: the meeting, the station's own settings, the file's hash, and the
 * optional roster.csv next to meeting.yaml (loaded into the station on its first start).
 */
public record MeetingConfig(Meeting meeting, StationSettings station, String sourceSha256, Optional<RosterCsv.Parsed> roster) {
    public MeetingConfig(Meeting meeting, StationSettings station, String sourceSha256) {
        this(meeting, station, sourceSha256, Optional.empty());
    }
}
