package dev.hailway.payments.authorizations.internal;

import dev.hailway.common.api.Money;
import dev.hailway.payments.authorizations.Authorization;
import dev.hailway.payments.authorizations.Authorization.Captured;
import dev.hailway.payments.authorizations.Authorization.FeeCharged;
import dev.hailway.payments.authorizations.Authorization.Held;
import dev.hailway.payments.authorizations.Authorization.Hold;
import dev.hailway.payments.authorizations.Authorization.Released;
import dev.hailway.payments.authorizations.Authorizations;
import dev.hailway.payments.methods.PaymentMethodId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcAuthorizations implements Authorizations {

    private final JdbcClient jdbc;

    JdbcAuthorizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Authorization> ofTripForUpdate(UUID tripId) {
        return jdbc.sql("select * from authorizations where trip_id = :trip for update").param("trip", tripId)
                .query(JdbcAuthorizations::map).optional();
    }

    @Override
    public boolean isDeclined(UUID tripId) {
        return jdbc.sql("select exists (select 1 from declines where trip_id = :trip)").param("trip", tripId)
                .query(Boolean.class).single();
    }

    @Override
    public boolean hold(Hold hold) {
        return jdbc.sql("""
                insert into authorizations (trip_id, id, rider_id, payment_method_id, amount, currency, state, held_at)
                values (:trip, :id, :rider, :method, :amount, :currency, 'HELD', :at)
                on conflict (trip_id) do nothing
                """)
                .param("trip", hold.tripId())
                .param("id", hold.id())
                .param("rider", hold.riderId())
                .param("method", hold.paymentMethodId().value())
                .param("amount", hold.amount().amount())
                .param("currency", hold.amount().currency())
                .param("at", utc(hold.heldAt()))
                .update() == 1;
    }

    @Override
    public boolean decline(UUID tripId, UUID riderId, String reason, Instant at) {
        return jdbc.sql("""
                insert into declines (trip_id, rider_id, reason, declined_at) values (:trip, :rider, :reason, :at)
                on conflict (trip_id) do nothing
                """)
                .param("trip", tripId).param("rider", riderId).param("reason", reason).param("at", utc(at))
                .update() == 1;
    }

    @Override
    public boolean settle(Authorization settled) {
        record Settlement(String state, Long captured, Instant at) {
        }
        Settlement settlement = switch (settled) {
            case Held held -> throw new IllegalArgumentException("a held authorization is not settled");
            case Captured captured -> new Settlement("CAPTURED", captured.captured().amount(), captured.at());
            case Released released -> new Settlement("RELEASED", null, released.at());
            case FeeCharged charged -> new Settlement("FEE_CHARGED", charged.fee().amount(), charged.at());
        };
        // Guarded by the state: of two settlements, only the first finds the hold still HELD.
        return jdbc.sql("""
                update authorizations set state = :state, captured_amount = :captured, settled_at = :at
                where trip_id = :trip and state = 'HELD'
                """)
                .param("state", settlement.state())
                .param("captured", settlement.captured())
                .param("at", utc(settlement.at()))
                .param("trip", settled.hold().tripId())
                .update() == 1;
    }

    private static Authorization map(ResultSet row, int rowNum) throws SQLException {
        String currency = row.getString("currency");
        var hold = new Hold(row.getObject("id", UUID.class), row.getObject("trip_id", UUID.class),
                row.getObject("rider_id", UUID.class), new PaymentMethodId(row.getObject("payment_method_id", UUID.class)),
                Money.of(row.getLong("amount"), currency), row.getObject("held_at", OffsetDateTime.class).toInstant());
        OffsetDateTime settledAt = row.getObject("settled_at", OffsetDateTime.class);
        return switch (row.getString("state")) {
            case "HELD" -> new Held(hold);
            case "CAPTURED" -> new Captured(hold, Money.of(row.getLong("captured_amount"), currency), settledAt.toInstant());
            case "RELEASED" -> new Released(hold, settledAt.toInstant());
            case "FEE_CHARGED" -> new FeeCharged(hold, Money.of(row.getLong("captured_amount"), currency),
                    settledAt.toInstant());
            default -> throw new IllegalStateException("unknown authorization state " + row.getString("state"));
        };
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
