/**
 * The two languages of every page and message. May import: nothing of the station's other packages.
 */
package kioskvote.text;
