package dev.hailway.drivers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String[] FEATURES = {"profiles"};
    private static JavaClasses drivers;

    @BeforeAll
    static void importClasses() {
        drivers = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hailway.drivers");
    }

    @Test
    void domainsAreFreeOfFrameworks() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage("dev.hailway.drivers." + feature)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml.jackson..",
                            "dev.hailway.platform..", "org.apache.kafka..")
                    .check(drivers);
        }
    }

    @Test
    void noFeatureUsesAnotherFeaturesInternals() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("dev.hailway.drivers." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.hailway.drivers." + feature + ".internal..")
                    .check(drivers);
        }
    }

    @Test
    void adaptersStayPackagePrivate() {
        classes().that().resideInAPackage("..internal..").and().areTopLevelClasses().should().notBePublic()
                .check(drivers);
    }

    @Test
    void otherServicesAreReachedOnlyThroughTheirApiModules() {
        noClasses().should().dependOnClassesThat(
                DescribedPredicate.describe("another service's implementation",
                        type -> type.getPackageName().startsWith("dev.hailway.")
                                && !type.getPackageName().startsWith("dev.hailway.drivers")
                                && !type.getPackageName().startsWith("dev.hailway.platform")
                                && !type.getPackageName().matches("dev\\.hailway\\.[a-z]+\\.api(\\..*)?")))
                .check(drivers);
    }
}
