/**
 * The meeting model as pure values: the meeting, its polls, questions, options and choice rules, the
 * poll kinds and their ballot options (defined once), poll states, and the rules on the meeting's
 * figures (quorum, adds up) — docs/rules.md. May import: text, audit's Sha256 helper; nothing that does I/O.
 */
package kioskvote.meeting;
