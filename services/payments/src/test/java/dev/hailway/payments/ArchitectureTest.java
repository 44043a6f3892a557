package dev.hailway.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String[] FEATURES = {"methods", "ledger", "authorizations"};

    private static JavaClasses payments;

    @BeforeAll
    static void importClasses() {
        payments = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hailway.payments");
    }

    @Test
    void domainsAreFreeOfFrameworks() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage("dev.hailway.payments." + feature)
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml.jackson..",
                            "dev.hailway.platform..", "com.nimbusds..")
                    .check(payments);
        }
    }

    @Test
    void noFeatureUsesAnotherFeaturesInternals() {
        for (String feature : FEATURES) {
            noClasses().that().resideOutsideOfPackage("dev.hailway.payments." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.hailway.payments." + feature + ".internal..")
                    .check(payments);
        }
    }

    @Test
    void adaptersStayPackagePrivate() {
        classes().that().resideInAPackage("..internal..").and().areTopLevelClasses().should().notBePublic()
                .check(payments);
    }

    @Test
    void otherServicesAreReachedOnlyThroughTheirApiModules() {
        noClasses().should().dependOnClassesThat(
                DescribedPredicate.describe("another service's implementation",
                        type -> type.getPackageName().startsWith("dev.hailway.")
                                && !type.getPackageName().startsWith("dev.hailway.payments")
                                && !type.getPackageName().startsWith("dev.hailway.platform")
                                && !type.getPackageName().matches("dev\\.hailway\\.[a-z]+\\.api(\\..*)?")))
                .check(payments);
    }
}
