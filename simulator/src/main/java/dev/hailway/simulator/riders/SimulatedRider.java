package dev.hailway.simulator.riders;

import java.util.Map;
import java.util.UUID;

import dev.hailway.simulator.api.HailwayApi;
import dev.hailway.simulator.api.Reply;
import dev.hailway.simulator.api.Session;

/** A signed-up rider with one card on file; {@link Ride} uses it for one trip at a time. */
public record SimulatedRider(Session session, String paymentMethodId, RiderDecisions decisions) {

    /** Signs a rider up and adds a card; null when the platform refused either. */
    public static SimulatedRider signUp(HailwayApi api, int number, RiderDecisions decisions) {
        Session session = api.signUp("RIDER", "Simulated rider " + number);
        if (session == null) {
            return null;
        }
        Reply method = api.post(session, "/api/payment-methods", Map.of("cardToken", decisions.cardToken()),
                UUID.randomUUID().toString());
        if (method.status() != 201) {
            return null;
        }
        return new SimulatedRider(session, method.text("paymentMethodId"), decisions);
    }
}
