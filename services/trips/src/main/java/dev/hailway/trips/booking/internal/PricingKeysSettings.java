package dev.hailway.trips.booking.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.services.pricing.*}: where pricing publishes the keys its quotes are signed with.
 *
 * @param url                pricing's base URL ({@code HAILWAY_SERVICES_PRICING_URL})
 * @param cacheTtl           how long fetched keys are trusted before they are fetched again
 * @param minRefreshInterval the least time between two fetches caused by unknown key ids
 */
@ConfigurationProperties("hailway.services.pricing")
record PricingKeysSettings(@DefaultValue("http://localhost:8084") URI url,
                           @DefaultValue("5m") Duration cacheTtl,
                           @DefaultValue("10s") Duration minRefreshInterval,
                           @DefaultValue("2s") Duration connectTimeout,
                           @DefaultValue("2s") Duration readTimeout) {
}
