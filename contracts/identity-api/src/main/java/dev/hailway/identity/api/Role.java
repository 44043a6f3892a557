package dev.hailway.identity.api;

/** What an account may do. Access tokens carry it in the {@code roles} claim; services see it as {@code ROLE_<role>}. */
public enum Role {
    RIDER,
    DRIVER,
    /** Staff. Never self-registered: the only way in is the bootstrap operator or an operator-made account. */
    OPERATOR
}
