package dev.hailway.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;

@AnalyzeClasses(packages = "dev.hailway.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices()
            .matching("dev.hailway.gateway.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noOtherServicesImplementation = noClasses()
            .should().dependOnClassesThat(otherServicesImplementation())
            .because("services share contracts (their -api modules), never code");

    @ArchTest
    static final ArchRule noServletStack = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..")
            .because("the gateway runs on WebFlux; platform-web's servlet filters do not apply here");

    private static DescribedPredicate<JavaClass> otherServicesImplementation() {
        return DescribedPredicate.describe("in another Hailway service's implementation", javaClass -> {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("dev.hailway.")
                    && !pkg.startsWith("dev.hailway.gateway")
                    && !pkg.startsWith("dev.hailway.platform.")
                    && !pkg.matches("dev\\.hailway\\.[a-z]+\\.api(\\..*)?");
        });
    }
}
