/**
 * Counting as pure functions over ballots: per-question counts, percentages of the configured base
 * (half-up, two decimals), threshold flags in integer arithmetic, and the minutes in HTML, CSV and
 * JSON — docs/rules.md. May import: meeting, ballot's answer values, text. No HTTP, no SQL.
 */
package kioskvote.tally;
