/**
 * Casting: which credential may vote in which poll (VotingRights), validating a ballot against its poll,
 * spending the token and storing the ballot in one group-committed transaction (BallotBox, CastWriter),
 * receipt codes, sealing a ballot to its poll's box (SealedBallot). May import: meeting, token, seal, text, store.
 */
package kioskvote.ballot;
