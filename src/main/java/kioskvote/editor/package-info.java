/**
 * The meeting editor: the organiser's changes to the meeting from the admin pages (details, committee and seal
 * threshold, polls while they are drafts, their order), each checked by the loader's own rules, stored in one
 * transaction and then made the station's meeting; and, at start, the stored meeting read back
 * (docs/roster-and-kiosk.md, "The meeting editor"). May import: meeting, config (the loader's rules), store, audit, text.
 */
package kioskvote.editor;
