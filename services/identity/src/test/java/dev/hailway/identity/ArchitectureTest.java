package dev.hailway.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** A feature's root package is its domain and its API; everything framework-shaped lives under its internal. */
    private static final String[] DOMAINS = {
        "dev.hailway.identity.accounts", "dev.hailway.identity.login", "dev.hailway.identity.keys",
        "dev.hailway.identity.operators"};

    private static JavaClasses identity;

    @BeforeAll
    static void importClasses() {
        identity = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hailway.identity");
    }

    @Test
    void domainsAreFreeOfFrameworks() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAINS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "jakarta.validation..", "jakarta.servlet..",
                        "tools.jackson..", "com.fasterxml.jackson..", "dev.hailway.platform..");
        rule.check(identity);
    }

    @Test
    void noFeatureUsesAnotherFeaturesInternals() {
        for (String feature : new String[] {"accounts", "login", "keys", "operators"}) {
            noClasses().that().resideOutsideOfPackage("dev.hailway.identity." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.hailway.identity." + feature + ".internal..")
                    .check(identity);
        }
    }

    @Test
    void adaptersStayPackagePrivate() {
        classes().that().resideInAPackage("..internal..").and().areTopLevelClasses().should().notBePublic().check(identity);
    }

    @Test
    void otherServicesAreReachedOnlyThroughTheirApiModules() {
        noClasses().should().dependOnClassesThat(
                DescribedPredicate.describe("another service's implementation",
                        type -> type.getPackageName().startsWith("dev.hailway.")
                                && !type.getPackageName().startsWith("dev.hailway.identity")
                                && !type.getPackageName().startsWith("dev.hailway.platform")
                                && !type.getPackageName().matches("dev\\.hailway\\.[a-z]+\\.api(\\..*)?")))
                .check(identity);
    }
}
