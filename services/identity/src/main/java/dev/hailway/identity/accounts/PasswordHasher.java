package dev.hailway.identity.accounts;

/** One-way, salted, deliberately slow hashing of passwords. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
