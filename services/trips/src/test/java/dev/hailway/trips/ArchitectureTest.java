package dev.hailway.trips;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String[] FEATURES = {"trip", "booking", "saga", "riding", "timeouts"};

    private static JavaClasses trips;

    @BeforeAll
    static void importClasses() {
        trips = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hailway.trips");
    }

    /** A feature's root package is its domain and its API; everything framework-shaped lives under its internal. */
    @Test
    void domainsAreFreeOfFrameworks() {
        String[] domains = java.util.Arrays.stream(FEATURES).map(f -> "dev.hailway.trips." + f).toArray(String[]::new);
        noClasses().that().resideInAnyPackage(domains)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml.jackson..",
                        "com.nimbusds..", "io.micrometer..", "org.apache.kafka..", "dev.hailway.platform..")
                .check(trips);
    }

    @Test
    void noFeatureUsesAnotherFeaturesInternals() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("dev.hailway.trips." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.hailway.trips." + feature + ".internal..")
                    .check(trips);
        }
    }

    @Test
    void adaptersStayPackagePrivate() {
        classes().that().resideInAPackage("..internal..").and().areTopLevelClasses().should().notBePublic()
                .check(trips);
    }

    @Test
    void otherServicesAreReachedOnlyThroughTheirApiModules() {
        noClasses().should().dependOnClassesThat(
                DescribedPredicate.describe("another service's implementation",
                        type -> type.getPackageName().startsWith("dev.hailway.")
                                && !type.getPackageName().startsWith("dev.hailway.trips")
                                && !type.getPackageName().startsWith("dev.hailway.platform")
                                && !type.getPackageName().matches("dev\\.hailway\\.[a-z]+\\.api(\\..*)?")))
                .check(trips);
    }
}
