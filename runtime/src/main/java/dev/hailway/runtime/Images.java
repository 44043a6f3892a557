package dev.hailway.runtime;

/** Where the image build puts each image in the engine's local store, and where the container platform finds it. */
public final class Images {

    public static final String REPOSITORY = "localhost/hailway/";

    private Images() {
    }

    /** {@code localhost/hailway/trips:0.1.0-SNAPSHOT}: a service's, or {@code kafka}'s and {@code postgres}'s. */
    public static String reference(String name, String version) {
        return REPOSITORY + name + ":" + version;
    }
}
