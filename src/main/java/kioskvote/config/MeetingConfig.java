package kioskvote.config;

/** What kiosk-config/NAME/ holds: the meeting, the station's own settings, and the file's hash. */
public record MeetingConfig(Meeting meeting, StationSettings station, String sourceSha256) {
}
