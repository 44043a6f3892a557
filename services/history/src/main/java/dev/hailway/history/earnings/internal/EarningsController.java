package dev.hailway.history.earnings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.common.api.Money;
import dev.hailway.history.HistoryCaches;
import dev.hailway.history.earnings.DailyEarnings;
import dev.hailway.history.earnings.DriverEarnings;
import dev.hailway.history.earnings.EarningsProjection;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/history/earnings?from=&to=}: the calling driver's earnings per day (Asia/Seoul dates, both
 * included). Without {@code to}, today; without {@code from}, the 30 days up to {@code to}.
 */
@RestController
class EarningsController {

    static final long MAX_DAYS = 366;

    /** {@code totals}: one sum per currency (KRW only, for now). */
    record EarningsReport(LocalDate from, LocalDate to, List<DailyEarnings> days, int trips, List<Money> totals) {
    }

    private final EarningsQuery query;
    private final Clock clock;

    EarningsController(EarningsQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    @GetMapping("/api/history/earnings")
    @PreAuthorize("hasRole('DRIVER')")
    EarningsReport earnings(@AuthenticationPrincipal Jwt jwt,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to != null ? to : EarningsProjection.dayOf(clock.instant());
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw invalid("to", "must be at most " + MAX_DAYS + " days after from");
        }
        return query.report(UUID.fromString(jwt.getSubject()), start, end);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                "The request has invalid parameters", Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    @Component
    static class EarningsQuery {

        private final DriverEarnings earnings;

        EarningsQuery(DriverEarnings earnings) {
            this.earnings = earnings;
        }

        @Cacheable(cacheNames = HistoryCaches.DRIVER_EARNINGS, key = "#driver + ':' + #from + ':' + #to")
        public EarningsReport report(UUID driver, LocalDate from, LocalDate to) {
            List<DailyEarnings> days = earnings.between(driver, from, to);
            Map<String, Money> totals = new LinkedHashMap<>();
            int trips = 0;
            for (DailyEarnings day : days) {
                trips += day.trips();
                totals.merge(day.earnings().currency(), day.earnings(), Money::plus);
            }
            return new EarningsReport(from, to, days, trips, List.copyOf(totals.values()));
        }
    }
}
