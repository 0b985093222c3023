/**
 * Paper ballots entered by the counting committee (docs/rules.md, "Paper ballots"): a batch is entered twice,
 * by two tellers, and accepted only when both entries agree; each ballot then spends its slip through the
 * same casting path as an electronic one (ballot/VotingRights). Pending entries are held in memory only, so
 * no slip-to-marks link is ever written to disk. May import: meeting, ballot, token, audit, store, text.
 */
package kioskvote.paper;
