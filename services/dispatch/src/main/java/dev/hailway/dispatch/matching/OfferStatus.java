package dev.hailway.dispatch.matching;

/** An offer is {@link #PENDING} until the driver answers, it expires, or the trip goes away. */
public enum OfferStatus {
    PENDING,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    WITHDRAWN;

    /** Whether a driver's answer counts against the trip's allowance of refusals. */
    public boolean isRefusal() {
        return switch (this) {
            case DECLINED, EXPIRED -> true;
            case PENDING, ACCEPTED, WITHDRAWN -> false;
        };
    }
}
