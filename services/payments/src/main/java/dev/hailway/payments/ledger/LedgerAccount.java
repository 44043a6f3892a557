package dev.hailway.payments.ledger;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An account of the double-entry ledger, by name: {@code rider:<id>:card} (money coming in from a rider's card),
 * {@code platform:clearing} (in transit), {@code platform:revenue} (commission), {@code driver:<id>:earnings}
 * (owed to a driver).
 */
public record LedgerAccount(String name) {

    private static final Pattern NAME = Pattern.compile(
            "platform:(clearing|revenue)|rider:[0-9a-f-]{36}:card|driver:[0-9a-f-]{36}:earnings");

    public static final LedgerAccount CLEARING = new LedgerAccount("platform:clearing");
    public static final LedgerAccount REVENUE = new LedgerAccount("platform:revenue");

    public LedgerAccount {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a ledger account: " + name);
        }
    }

    public static LedgerAccount riderCard(UUID riderId) {
        return new LedgerAccount("rider:" + riderId + ":card");
    }

    public static LedgerAccount driverEarnings(UUID driverId) {
        return new LedgerAccount("driver:" + driverId + ":earnings");
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return name;
    }
}
