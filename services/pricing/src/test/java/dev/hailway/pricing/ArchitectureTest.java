package dev.hailway.pricing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String[] FEATURES = {"fares", "surge", "quotes"};

    private static JavaClasses pricing;

    @BeforeAll
    static void importClasses() {
        pricing = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hailway.pricing");
    }

    @Test
    void domainsAreFreeOfFrameworks() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage("dev.hailway.pricing." + feature)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml.jackson..",
                            "dev.hailway.platform..", "com.nimbusds..", "com.uber..", "com.github.benmanes..")
                    .check(pricing);
        }
    }

    @Test
    void noFeatureUsesAnotherFeaturesInternals() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("dev.hailway.pricing." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.hailway.pricing." + feature + ".internal..")
                    .check(pricing);
        }
    }

    @Test
    void adaptersStayPackagePrivate() {
        classes().that().resideInAPackage("..internal..").and().areTopLevelClasses().should().notBePublic()
                .check(pricing);
    }

    @Test
    void otherServicesAreReachedOnlyThroughTheirApiModules() {
        noClasses().should().dependOnClassesThat(
                DescribedPredicate.describe("another service's implementation",
                        type -> type.getPackageName().startsWith("dev.hailway.")
                                && !type.getPackageName().startsWith("dev.hailway.pricing")
                                && !type.getPackageName().startsWith("dev.hailway.platform")
                                && !type.getPackageName().matches("dev\\.hailway\\.[a-z]+\\.api(\\..*)?")))
                .check(pricing);
    }
}
