package dev.hailway.identity.api;

/** Kafka topics identity publishes to; record key = the aggregate id. */
public final class IdentityTopics {

    /** {@link AccountRegistered} events, keyed by account id. */
    public static final String ACCOUNTS = "identity.accounts";

    private IdentityTopics() {
    }
}
