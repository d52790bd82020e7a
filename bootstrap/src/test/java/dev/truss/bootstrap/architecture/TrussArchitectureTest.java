package dev.truss.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link TrussArchitecture}'s rules against the production classes of every module on
 * bootstrap's classpath. A rule whose subject does not exist yet (no adapter module, no
 * application class) is skipped with the reason, not passed vacuously.
 */
class TrussArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = TrussArchitecture.importProductionClasses();
    }

    @Test
    void production_import_holds_the_core_and_no_test_class() {
        assertThat(production.stream().map(JavaClass::getPackageName))
                .anyMatch(p -> p.startsWith("dev.truss.domain."))
                .noneMatch(p -> p.contains("archfixture"));
        assertThat(production.stream().map(JavaClass::getSimpleName))
                .noneMatch(n -> n.endsWith("Test"));
    }

    @Test
    void domain_depends_only_on_the_jdk() {
        assumeAny(inPackage("dev.truss.domain"), "no domain class yet");
        TrussArchitecture.DOMAIN_ONLY_ON_JDK.check(production);
    }

    @Test
    void application_depends_only_on_domain_and_the_jdk() {
        assumeAny(inPackage("dev.truss.application"), "no application class yet");
        TrussArchitecture.APPLICATION_ONLY_ON_DOMAIN_AND_JDK.check(production);
    }

    @Test
    void core_uses_no_framework() {
        assumeAny(
                inPackage("dev.truss.domain").or(inPackage("dev.truss.application")),
                "no domain or application class yet");
        TrussArchitecture.CORE_FREE_OF_FRAMEWORKS.check(production);
    }

    @Test
    void the_single_table_layer_depends_only_on_the_core_and_json() {
        assumeAny(inPackage("dev.truss.singletable"), "no single-table class yet");
        TrussArchitecture.SINGLE_TABLE_ONLY_ON_CORE_AND_JSON.check(production);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        assumeAny(inSubPackageOf("dev.truss.adapters"), "no adapter module on the classpath yet");
        TrussArchitecture.ADAPTERS_INDEPENDENT.check(production);
    }

    @Test
    void only_bootstrap_and_the_adapter_itself_use_an_adapter() {
        assumeAny(inSubPackageOf("dev.truss.adapters"), "no adapter module on the classpath yet");
        TrussArchitecture.ONLY_BOOTSTRAP_AND_ADAPTERS_USE_ADAPTERS.check(production);
    }

    @Test
    void domain_packages_are_free_of_cycles() {
        assumeAny(inSubPackageOf("dev.truss.domain"), "no domain sub-package yet");
        TrussArchitecture.DOMAIN_FREE_OF_CYCLES.check(production);
    }

    @Test
    void application_packages_are_free_of_cycles() {
        assumeAny(inSubPackageOf("dev.truss.application"), "no application sub-package yet");
        TrussArchitecture.APPLICATION_FREE_OF_CYCLES.check(production);
    }

    private static void assumeAny(Predicate<JavaClass> present, String whyNot) {
        assumeTrue(production.stream().anyMatch(present), whyNot + ": nothing to check");
    }

    /** The package or any package below it. */
    private static Predicate<JavaClass> inPackage(String pkg) {
        return c -> c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
    }

    /** Strictly below the package: what a {@code pkg.(*)..} slice can hold. */
    private static Predicate<JavaClass> inSubPackageOf(String pkg) {
        return c -> c.getPackageName().startsWith(pkg + ".");
    }
}
