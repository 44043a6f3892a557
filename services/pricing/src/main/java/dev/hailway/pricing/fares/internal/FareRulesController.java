package dev.hailway.pricing.fares.internal;

import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.fares.FareRules;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FareRulesController {

    private final FareRules rules;

    FareRulesController(FareRules rules) {
        this.rules = rules;
    }

    @GetMapping("/api/quotes/fare-rules")
    Map<String, FareRuleBody> all() {
        Map<String, FareRuleBody> byClass = new LinkedHashMap<>();
        rules.all().forEach(rule -> byClass.put(rule.vehicleClass().name(), FareRuleBody.of(rule)));
        return byClass;
    }

    @PutMapping("/api/quotes/fare-rules/{vehicleClass}")
    @PreAuthorize("hasRole('OPERATOR')")
    FareRuleBody replace(@PathVariable String vehicleClass, @Valid @RequestBody FareRuleBody body) {
        var rule = body.toRule(vehicleClassNamed(vehicleClass));
        rules.replace(rule);
        return FareRuleBody.of(rule);
    }

    private static VehicleClass vehicleClassNamed(String name) {
        List<String> known = Arrays.stream(VehicleClass.values()).map(Enum::name).toList();
        if (!known.contains(name)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Unknown vehicle class",
                    "Vehicle classes are " + String.join(", ", known) + ".");
        }
        return VehicleClass.valueOf(name);
    }
}
