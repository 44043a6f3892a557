package dev.hailway.payments.api;

import java.time.Instant;
import java.util.UUID;

/** The hold was refused ({@code reason}: e.g. {@code card_declined}, {@code unknown_payment_method}). */
public record PaymentDeclined(UUID tripId, UUID riderId, String reason, Instant at) {
}
