package dev.hailway.gateway.ratelimit;

/** Which bucket plan a request is charged to. */
enum Tier {
    AUTHENTICATED, ANONYMOUS, CREDENTIALS
}
