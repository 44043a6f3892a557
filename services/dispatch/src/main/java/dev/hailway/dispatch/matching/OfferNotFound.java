package dev.hailway.dispatch.matching;

/** No such offer for this driver: other drivers' offers are not theirs to see. */
public final class OfferNotFound extends RuntimeException {

    public OfferNotFound(OfferId offerId) {
        super("no offer " + offerId + " for this driver");
    }
}
