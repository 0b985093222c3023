package kioskvote.roster;

/**
 * Summoned and present: from the roster when there is one, else the meeting's figure and the count the
 * admin typed. {@code fromRoster} tells which.
 */
public record Turnout(int summoned, int present, boolean fromRoster) {
}
