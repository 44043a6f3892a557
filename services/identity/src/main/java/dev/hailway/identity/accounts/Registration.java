package dev.hailway.identity.accounts;

import dev.hailway.identity.api.Role;

/** A request to open an account, already checked for shape by the adapter that received it. */
public record Registration(Role role, EmailAddress email, String password, String name) {

    @Override
    public String toString() {
        return "Registration[role=" + role + ", email=" + email + "]";
    }
}
