package dev.hailway.drivers.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hailway.drivers.api.VehicleClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VehicleTest {

    @ParameterizedTest
    @ValueSource(strings = {"12가 3456", "서울 12가 3456", "AB-123", "B 1234 XYZ", "ÄÖ 99", "AB"})
    void acceptsPlatesOfAnyScript(String plate) {
        assertThat(Vehicle.isPlate(plate)).isTrue();
        assertThat(new Vehicle(plate, "Hyundai Sonata", VehicleClass.STANDARD).plate()).isEqualTo(plate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", " A ", "--", "   ", "AB_12", "AB;DROP", "12345678901234567", "AB\n12", "AB.12"})
    void rejectsWhatIsNoPlate(String plate) {
        assertThat(Vehicle.isPlate(plate)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Vehicle(plate, "Kia K5", VehicleClass.COMFORT));
    }

    @Test
    void normalisesPlatesSoTheSamePlateComparesEqual() {
        // Hangul typed as decomposed jamo is the same plate as the composed syllables.
        String decomposed = java.text.Normalizer.normalize("12가  3456", java.text.Normalizer.Form.NFD);
        Vehicle typed = new Vehicle("  " + decomposed + " ", " Kia K5 ", VehicleClass.XL);

        assertThat(typed).isEqualTo(new Vehicle("12가 3456", "Kia K5", VehicleClass.XL));
    }

    @Test
    void modelIsOneToSixtyPrintableCharacters() {
        assertThat(new Vehicle("AB 12", "m".repeat(60), VehicleClass.XL).model()).hasSize(60);
        assertThatIllegalArgumentException().isThrownBy(() -> new Vehicle("AB 12", "m".repeat(61), VehicleClass.XL));
        assertThatIllegalArgumentException().isThrownBy(() -> new Vehicle("AB 12", "  ", VehicleClass.XL));
        assertThatIllegalArgumentException().isThrownBy(() -> new Vehicle("AB 12", "Kia\u0000K5", VehicleClass.XL));
    }
}
