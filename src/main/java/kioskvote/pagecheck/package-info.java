/**
 * `kioskvote check-page URL`: what a station serves as the phone's ballot page, fetched over HTTP as a phone would and
 * compared with the page hash the poll's commitment pins (record/BallotPage, docs/security.md "The code the room
 * runs"), so anyone with a laptop in the room can check during the vote. A client only: no station, database or key.
 * May import: record (the page hash's format), token (a slip URL's public half, to open the real ballot page).
 */
package kioskvote.pagecheck;
