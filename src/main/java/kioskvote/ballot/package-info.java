/**
 * Casting: which credential may vote in which poll (VotingRights), validating a ballot against its poll,
 * spending the token and storing the ballot in one group-committed transaction (BallotBox, CastWriter),
 * receipt codes. May import: meeting, token, text, store.
 */
package kioskvote.ballot;
