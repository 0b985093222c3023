package kioskvote.ballot;

/**
 * What a voter gets back: the receipt code, and whether this submission was a retry of a ballot
 * that had already been counted (the Wi-Fi dropped the first answer).
 */
public record CastReceipt(String receiptCode, boolean alreadyCounted) {
}
