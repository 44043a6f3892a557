package dev.hailway.pricing.quotes;

/** A request no price can be given for, e.g. pickup and dropoff at the same place; {@code field} names the culprit. */
public class UnquotableTrip extends RuntimeException {

    private final String field;

    public UnquotableTrip(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
