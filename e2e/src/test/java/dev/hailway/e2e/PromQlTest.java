package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void aRatioOfRatesSelectsItsOneMetricOnce() {
        assertThat(PromQl.metricNames("""
                sum by (application) (rate(http_server_requests_seconds_count{status=~"5..", application=~"$service"}[$__rate_interval]))
                / sum by (application) (rate(http_server_requests_seconds_count[5m])) > 0.01"""))
                .containsExactly("http_server_requests_seconds_count");
    }

    @Test
    void functionsAggregationsKeywordsAndStringsAreNotMetrics() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.99, sum without (instance) (rate(hailway_trips_assignment_seconds_bucket[5m])))
                or on (application) label_replace(up{job="hailway"}, "service", "$1", "job", "(.*)") offset 5m
                unless max(hailway_events_dead_letters) > bool 0"""))
                .containsExactly("hailway_events_dead_letters", "hailway_trips_assignment_seconds_bucket", "up");
    }

    @Test
    void aBareNameAndANameWithColonsAreMetrics() {
        assertThat(PromQl.metricNames("hailway_trips_overdue")).containsExactly("hailway_trips_overdue");
        assertThat(PromQl.metricNames("job:requests:rate5m * 2")).containsExactly("job:requests:rate5m");
    }

    @Test
    void grafanaVariablesBecomeValuesPrometheusCanRun() {
        assertThat(PromQl.runnable("rate(x{application=~\"$service\"}[$__rate_interval])"))
                .isEqualTo("rate(x{application=~\".+\"}[1m])");
    }
}
