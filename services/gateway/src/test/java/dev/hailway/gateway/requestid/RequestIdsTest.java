package dev.hailway.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "9f1c2d3e-0000-4000-8000-000000000000", "a.b_c-D", "x"})
    void keepsAPlainIdFromTheClient(String incoming) {
        assertThat(RequestIds.keepOrGenerate(incoming)).isEqualTo(incoming);
    }

    @Test
    void keepsAnIdOfExactly64Characters() {
        String longest = "a".repeat(64);
        assertThat(RequestIds.keepOrGenerate(longest)).isEqualTo(longest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "new\nline", "quote\"", "semi;colon", "ünïcode", "<script>"})
    void generatesAFreshIdInsteadOfAMissingOrUnsafeOne(String incoming) {
        assertThat(RequestIds.keepOrGenerate(incoming))
                .isNotEqualTo(incoming)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void generatesAFreshIdInsteadOfAnOverlongOne() {
        assertThat(RequestIds.keepOrGenerate("a".repeat(65))).hasSize(36);
    }
}
