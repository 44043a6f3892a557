package dev.hailway.trips.booking.internal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.hailway.pricing.api.SignedQuotes;
import dev.hailway.trips.booking.QuoteVerifier;
import dev.hailway.trips.booking.RequestingTrip;
import dev.hailway.trips.trip.ChangingTrips;
import java.net.MalformedURLException;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BookingConfiguration {

    @Bean
    QuoteVerifier quoteVerifier(PricingKeysSettings settings) throws MalformedURLException {
        var keys = URI.create(settings.url().toString().replaceAll("/+$", "") + SignedQuotes.KEYS_PATH).toURL();
        // Timeouts so that a slow pricing fails a request fast; one retry for a blip; the rate limit bounds the
        // refetches unknown key ids can cause.
        var retriever = new DefaultResourceRetriever((int) settings.connectTimeout().toMillis(),
                (int) settings.readTimeout().toMillis(), 64 * 1024);
        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(keys, retriever)
                .cache(settings.cacheTtl().toMillis(), settings.readTimeout().toMillis() + settings.connectTimeout().toMillis())
                .rateLimited(settings.minRefreshInterval().toMillis())
                .retrying(true)
                .build();
        return new NimbusQuoteVerifier(source);
    }

    @Bean
    RequestingTrip requestingTrip(QuoteVerifier verifier, ChangingTrips trips) {
        return new RequestingTrip(verifier, trips);
    }
}
