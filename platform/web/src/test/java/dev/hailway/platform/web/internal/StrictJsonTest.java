package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    enum VehicleClass { ECONOMY, COMFORT }

    record Body(String name, Long amount, Integer count, Boolean active, Double lat, Instant at, VehicleClass vehicle,
                List<Instant> times) {
    }

    private final JsonMapper mapper = strict();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": 12345}                     | name     | must be a string",
            "{\"name\": true}                      | name     | must be a string",
            "{\"amount\": 8000.4}                  | amount   | must be a whole number",
            "{\"amount\": 8000.0}                  | amount   | must be a whole number",
            "{\"amount\": \"8000\"}                | amount   | must be a whole number",
            "{\"count\": \"3\"}                    | count    | must be a whole number",
            "{\"active\": 1}                       | active   | must be true or false",
            "{\"active\": \"true\"}                | active   | must be true or false",
            "{\"lat\": \"37.5\"}                   | lat      | must be a number",
            "{\"at\": 1700000000}                  | at       | must be an ISO-8601 date-time string, e.g. 2026-01-31T09:30:00Z",
            "{\"at\": 1700000000.5}                | at       | must be an ISO-8601 date-time string, e.g. 2026-01-31T09:30:00Z",
            "{\"vehicle\": 1}                      | vehicle  | must be one of ECONOMY, COMFORT",
            "{\"times\": [\"2026-01-31T09:30:00Z\", 5]} | times[1] | must be an ISO-8601 date-time string, e.g. 2026-01-31T09:30:00Z"})
    void refusesAValueOfTheWrongJsonTypeNamingTheField(String json, String field, String expected) {
        assertThatExceptionOfType(MismatchedInputException.class)
                .isThrownBy(() -> mapper.readValue(json, Body.class))
                .satisfies(ex -> {
                    assertThat(JsonFields.path(ex)).isEqualTo(field);
                    assertThat(JsonFields.expected(ex)).isEqualTo(expected);
                });
    }

    @Test
    void readsValuesOfTheRightTypesAndAnIntegerWhereAFractionIsExpected() {
        Body body = mapper.readValue("""
                {"name": "Ann", "amount": 8000, "count": 3, "active": true, "lat": 37, "at": "2026-01-31T18:30:00+09:00",
                 "vehicle": "COMFORT", "times": ["2026-01-31T09:30:00Z"]}""", Body.class);

        assertThat(body).isEqualTo(new Body("Ann", 8000L, 3, true, 37.0, Instant.parse("2026-01-31T09:30:00Z"),
                VehicleClass.COMFORT, List.of(Instant.parse("2026-01-31T09:30:00Z"))));
    }

    @Test
    void stillReadsNullsAndMissingFieldsAsAbsent() {
        assertThat(mapper.readValue("{\"at\": null}", Body.class))
                .isEqualTo(new Body(null, null, null, null, null, null, null, null));
    }

    @Test
    void writesTimesAsTheTextItReads() {
        Instant at = Instant.parse("2026-01-31T09:30:00Z");
        String json = mapper.writeValueAsString(new Body(null, null, null, null, null, at, null, null));

        assertThat(mapper.readValue(json, Body.class).at()).isEqualTo(at);
    }

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }
}
