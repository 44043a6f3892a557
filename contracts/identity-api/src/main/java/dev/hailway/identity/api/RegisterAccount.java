package dev.hailway.identity.api;

/**
 * Body of {@code POST /api/auth/register}. Rules (checked by the service, which answers 400 {@code validation} with
 * one error per field): {@code role} RIDER or DRIVER; {@code email} an address, compared case-insensitively;
 * {@code password} 12 to 128 characters; {@code name} 1 to 100 characters.
 */
public record RegisterAccount(Role role, String email, String password, String name) {

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "RegisterAccount[role=" + role + ", email=" + email + ", password=***, name=" + name + "]";
    }
}
