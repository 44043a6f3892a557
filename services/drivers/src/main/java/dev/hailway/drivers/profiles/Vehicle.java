package dev.hailway.drivers.profiles;

import java.text.Normalizer;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.hailway.drivers.api.VehicleClass;

/**
 * A driver's vehicle. Plates are letters of any script (Korean plates carry Hangul, e.g. {@code 12가 3456}), digits,
 * spaces and hyphens; they are stored NFC-normalised with runs of spaces collapsed, so that the same plate typed
 * twice compares equal.
 */
public record Vehicle(String plate, String model, VehicleClass vehicleClass) {

    public static final int PLATE_MIN = 2;
    public static final int PLATE_MAX = 16;
    public static final int MODEL_MAX = 60;
    /** The shape a plate must have; at least one letter or digit so that {@code "--"} is not a plate. */
    public static final String PLATE_PATTERN = "^(?=.*[\\p{L}\\p{Nd}])[\\p{L}\\p{M}\\p{Nd} -]+$";
    private static final Pattern PLATE = Pattern.compile(PLATE_PATTERN);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public Vehicle {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(vehicleClass, "vehicleClass");
        plate = normalisePlate(plate);
        model = Normalizer.normalize(model.strip(), Normalizer.Form.NFC);
        if (!isPlate(plate)) {
            throw new IllegalArgumentException("not a plate: " + plate);
        }
        if (model.isEmpty() || model.length() > MODEL_MAX || CONTROL.matcher(model).find()) {
            throw new IllegalArgumentException("model must be 1 to " + MODEL_MAX + " printable characters");
        }
    }

    /** Whether {@code text}, once normalised, is an acceptable plate. */
    public static boolean isPlate(String text) {
        if (text == null) {
            return false;
        }
        String plate = normalisePlate(text);
        return plate.length() >= PLATE_MIN && plate.length() <= PLATE_MAX && PLATE.matcher(plate).matches();
    }

    static String normalisePlate(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).replaceAll(" {2,}", " ");
    }
}
