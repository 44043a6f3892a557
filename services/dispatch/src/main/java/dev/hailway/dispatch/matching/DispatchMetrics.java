package dev.hailway.dispatch.matching;

import java.time.Duration;

/** What operators watch: offers and how they end, how long a rider waits for a driver, and give-ups. */
public interface DispatchMetrics {

    void offerMade();

    void offerDeclined();

    void offerExpired();

    void driverAssigned(Duration sinceDispatchStarted);

    void noDriverFound();

    void candidatesUnavailable();
}
