package dev.hailway.payments.methods.internal;

import dev.hailway.payments.methods.PaymentMethod;
import dev.hailway.payments.methods.PaymentMethodId;
import dev.hailway.payments.methods.PaymentMethods;
import dev.hailway.payments.methods.TestCard;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcPaymentMethods implements PaymentMethods {

    private final JdbcClient jdbc;

    JdbcPaymentMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(PaymentMethod method) {
        jdbc.sql("insert into payment_methods (id, rider_id, card, added_at) values (:id, :rider, :card, :at)")
                .param("id", method.id().value())
                .param("rider", method.riderId())
                .param("card", method.card().name())
                .param("at", OffsetDateTime.ofInstant(method.addedAt(), ZoneOffset.UTC))
                .update();
    }

    @Override
    public Optional<PaymentMethod> find(PaymentMethodId id) {
        return jdbc.sql("select * from payment_methods where id = :id").param("id", id.value())
                .query(JdbcPaymentMethods::map).optional();
    }

    @Override
    public List<PaymentMethod> ofRider(UUID riderId) {
        return jdbc.sql("select * from payment_methods where rider_id = :rider order by added_at, id")
                .param("rider", riderId).query(JdbcPaymentMethods::map).list();
    }

    private static PaymentMethod map(ResultSet row, int rowNum) throws SQLException {
        return new PaymentMethod(new PaymentMethodId(row.getObject("id", UUID.class)),
                row.getObject("rider_id", UUID.class), TestCard.valueOf(row.getString("card")),
                row.getObject("added_at", OffsetDateTime.class).toInstant());
    }
}
