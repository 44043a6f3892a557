package dev.hailway.identity.accounts;

/** The address belongs to an account already. The message is safe to show: it does not repeat the address. */
public final class EmailAlreadyRegistered extends RuntimeException {

    public EmailAlreadyRegistered() {
        super("An account with this e-mail address exists already.");
    }
}
