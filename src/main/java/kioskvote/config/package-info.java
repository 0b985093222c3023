/**
 * Turns kiosk-config/NAME/meeting.yaml (and roster.csv) into the meeting model, with messages that name
 * the file, the field and the problem. Nothing else. May import: meeting, roster (its CSV reader), text.
 */
package kioskvote.config;
