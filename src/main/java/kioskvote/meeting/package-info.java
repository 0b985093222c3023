/**
 * The meeting model as pure values: the meeting, its polls, questions, options and choice rules, the
 * poll kinds and their ballot options (defined once), poll states, and the rules on the meeting's
 * figures (quorum, adds up) — docs/rules.md; how a person holds their ballot (HandOutKind: slip, QR, kiosk). May import: text; nothing that does I/O. store/ uses its enums in typed rows, so
 * it may not import audit/ or anything over store/ (a cycle).
 */
package kioskvote.meeting;
