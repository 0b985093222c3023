/**
 * Turns kiosk-config/NAME/meeting.yaml (and roster.csv) into the meeting model, with messages that name
 * the file, the field and the problem; reads one entry of it alone for the admin pages' meeting editor; and writes
 * a meeting back as meeting.yaml (the export). Nothing else. May import: meeting, roster (its CSV reader), seal (the
 * largest committee a key can be split for), audit (its Sha256 helper), text.
 */
package kioskvote.config;
