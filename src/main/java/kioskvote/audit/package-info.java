/**
 * The hash-chained log of administrative events (never a token or a choice) and its check. May import: store.
 */
package kioskvote.audit;
