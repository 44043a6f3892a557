package dev.hailway.payments.ledger;

/** What an entry books; a trip has at most one entry of each kind. */
public enum EntryKind {
    FARE_CAPTURE,
    CANCELLATION_FEE
}
