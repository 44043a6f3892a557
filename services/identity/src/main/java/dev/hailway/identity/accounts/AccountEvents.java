package dev.hailway.identity.accounts;

import dev.hailway.identity.api.AccountRegistered;

/** Where account events go; the implementation must publish within the caller's transaction (outbox). */
public interface AccountEvents {

    void registered(AccountRegistered event);
}
