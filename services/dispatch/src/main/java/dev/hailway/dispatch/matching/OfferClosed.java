package dev.hailway.dispatch.matching;

/** The offer cannot be answered any more: it expired, was withdrawn, or was answered before. */
public final class OfferClosed extends RuntimeException {

    private final OfferStatus status;

    public OfferClosed(OfferId offerId, OfferStatus status) {
        super("offer " + offerId + " is " + status.name().toLowerCase());
        this.status = status;
    }

    public OfferStatus status() {
        return status;
    }
}
