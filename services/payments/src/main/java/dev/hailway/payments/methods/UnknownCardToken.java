package dev.hailway.payments.methods;

/** The card token is none the provider (here: the test cards) knows. */
public class UnknownCardToken extends RuntimeException {

    public UnknownCardToken() {
        super("is not a card token the payment provider knows");
    }
}
