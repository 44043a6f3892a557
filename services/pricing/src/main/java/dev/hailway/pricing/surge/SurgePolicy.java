package dev.hailway.pricing.surge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How demand against supply in a cell becomes a price multiplier.
 *
 * <p>The target is {@code clamp(1 + sensitivity × max(0, demand / supply − 1), floor, ceiling)}: no surge while
 * there are at least as many available drivers as requests. A cell with no driver counts as one, so a single
 * request in an empty cell does not jump straight to the ceiling. The multiplier moves towards the target by
 * {@code smoothing} of the gap each round (an exponentially weighted moving average), so one burst of quotes
 * does not whip prices around; within a hundredth of the target it snaps onto it, so a cell calms down to
 * exactly 1.00 instead of creeping there forever.
 */
public record SurgePolicy(BigDecimal sensitivity, BigDecimal smoothing, BigDecimal floor, BigDecimal ceiling) {

    public static final BigDecimal NONE = new BigDecimal("1.00");
    private static final BigDecimal SNAP = new BigDecimal("0.01");

    public SurgePolicy {
        Objects.requireNonNull(sensitivity, "sensitivity");
        Objects.requireNonNull(smoothing, "smoothing");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(ceiling, "ceiling");
        if (sensitivity.signum() < 0) {
            throw new IllegalArgumentException("sensitivity cannot be negative");
        }
        if (smoothing.signum() <= 0 || smoothing.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("smoothing must be within (0, 1]");
        }
        if (floor.compareTo(BigDecimal.ONE) < 0 || ceiling.compareTo(floor) < 0) {
            throw new IllegalArgumentException("need 1 <= floor <= ceiling");
        }
    }

    /** k = 0.5, half the gap per round, between 1.0 and 3.0. */
    public static SurgePolicy standard() {
        return new SurgePolicy(new BigDecimal("0.5"), new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("3.0"));
    }

    /** Where the multiplier would settle if demand and supply stayed as they are. */
    public BigDecimal target(long demand, long supply) {
        if (demand < 0 || supply < 0) {
            throw new IllegalArgumentException("demand and supply cannot be negative");
        }
        BigDecimal ratio = BigDecimal.valueOf(demand).divide(BigDecimal.valueOf(Math.max(1, supply)), MathContext.DECIMAL64);
        BigDecimal excess = ratio.subtract(BigDecimal.ONE).max(BigDecimal.ZERO);
        return clamp(BigDecimal.ONE.add(sensitivity.multiply(excess)));
    }

    /** The multiplier after one round, from the one before it; two decimals. */
    public BigDecimal next(BigDecimal previous, long demand, long supply) {
        BigDecimal target = target(demand, supply);
        BigDecimal moved = previous.add(smoothing.multiply(target.subtract(previous)));
        if (moved.subtract(target).abs().compareTo(SNAP) < 0) {
            moved = target;
        }
        return clamp(moved).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal clamp(BigDecimal value) {
        return value.max(floor).min(ceiling);
    }
}
