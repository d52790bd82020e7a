package dev.truss.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.truss.adapters.archfixturebada.AdapterUsesOtherAdapter;
import dev.truss.adapters.archfixturebadb.OtherAdapter;
import dev.truss.adapters.archfixturegooda.GoodAdapterA;
import dev.truss.adapters.archfixturegoodb.GoodAdapterB;
import dev.truss.application.archfixturebad.ApplicationUsesAdapter;
import dev.truss.application.archfixturebad.ApplicationUsesLibrary;
import dev.truss.application.archfixtureframeworks.ApplicationUsesAwsSdk;
import dev.truss.application.archfixtureframeworks.ApplicationUsesBytedeco;
import dev.truss.application.archfixtureframeworks.ApplicationUsesGoogle;
import dev.truss.application.archfixtureframeworks.ApplicationUsesJackson;
import dev.truss.application.archfixtureframeworks.ApplicationUsesJackson3;
import dev.truss.application.archfixtureframeworks.ApplicationUsesJakarta;
import dev.truss.application.archfixtureframeworks.ApplicationUsesJavalin;
import dev.truss.application.archfixtureframeworks.ApplicationUsesJavax;
import dev.truss.application.archfixturegood.GoodUseCase;
import dev.truss.application.archfixturegoodport.GoodPort;
import dev.truss.bootstrap.archfixturegood.GoodWiring;
import dev.truss.domain.archfixturebad.DomainUsesAdapter;
import dev.truss.domain.archfixturebad.DomainUsesApplication;
import dev.truss.domain.archfixturebad.DomainUsesJavax;
import dev.truss.domain.archfixturegood.GoodDomainValue;
import dev.truss.domain.archfixturegoodunit.GoodUnit;
import dev.truss.singletable.archfixturebad.SingleTableUsesAdapter;
import dev.truss.singletable.archfixturebad.SingleTableUsesAwsSdk;
import dev.truss.singletable.archfixturegood.GoodTableStore;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every {@link TrussArchitecture} rule bites: planted violations (test classes in fixture
 * packages under {@code dev.truss.domain}, {@code .application}, {@code .adapters}) are
 * reported, a well-behaved set of fixtures is not, and no rule passes on nothing.
 */
class TrussArchitectureRulesBiteTest {

    private static final JavaClasses GOOD =
            importOnly(
                    GoodUnit.class,
                    GoodDomainValue.class,
                    GoodPort.class,
                    GoodUseCase.class,
                    GoodAdapterA.class,
                    GoodAdapterB.class,
                    GoodTableStore.class,
                    GoodWiring.class);

    /** Classes outside {@code dev.truss}: no rule's that() may match them. */
    private static final JavaClasses UNRELATED = importOnly(String.class, Test.class);

    static Stream<Arguments> violations() {
        return Stream.of(
                bites("DOMAIN_ONLY_ON_JDK", DomainUsesApplication.class),
                bites("DOMAIN_ONLY_ON_JDK", DomainUsesJavax.class),
                bites("DOMAIN_ONLY_ON_JDK", DomainUsesAdapter.class),
                bites("APPLICATION_ONLY_ON_DOMAIN_AND_JDK", ApplicationUsesAdapter.class),
                bites("APPLICATION_ONLY_ON_DOMAIN_AND_JDK", ApplicationUsesLibrary.class),
                bites("APPLICATION_ONLY_ON_DOMAIN_AND_JDK", ApplicationUsesJackson.class),
                bites("CORE_FREE_OF_FRAMEWORKS", DomainUsesJavax.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesAwsSdk.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesJavalin.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesGoogle.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesBytedeco.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesJackson.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesJackson3.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesJakarta.class),
                bites("SINGLE_TABLE_ONLY_ON_CORE_AND_JSON", SingleTableUsesAwsSdk.class),
                bites("SINGLE_TABLE_ONLY_ON_CORE_AND_JSON", SingleTableUsesAdapter.class),
                bites("ONLY_BOOTSTRAP_AND_ADAPTERS_USE_ADAPTERS", SingleTableUsesAdapter.class),
                bites("CORE_FREE_OF_FRAMEWORKS", ApplicationUsesJavax.class),
                bites("ADAPTERS_INDEPENDENT", AdapterUsesOtherAdapter.class, OtherAdapter.class),
                bites("ONLY_BOOTSTRAP_AND_ADAPTERS_USE_ADAPTERS", DomainUsesAdapter.class),
                bites("ONLY_BOOTSTRAP_AND_ADAPTERS_USE_ADAPTERS", ApplicationUsesAdapter.class),
                bites(
                        "DOMAIN_FREE_OF_CYCLES",
                        dev.truss.domain.archfixturecyclea.CycleA.class,
                        dev.truss.domain.archfixturecycleb.CycleB.class),
                bites(
                        "APPLICATION_FREE_OF_CYCLES",
                        dev.truss.application.archfixturecyclea.CycleA.class,
                        dev.truss.application.archfixturecycleb.CycleB.class));
    }

    @ParameterizedTest(name = "{0} reports {1}")
    @MethodSource("violations")
    void rule_reports_the_planted_violation(String ruleName, String offender, Class<?>[] planted) {
        EvaluationResult result = rule(ruleName).evaluate(importOnly(planted));

        assertThat(result.hasViolation()).as("%s on %s", ruleName, offender).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(offender));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void rule_accepts_the_well_behaved_fixtures(String ruleName) {
        EvaluationResult result = rule(ruleName).evaluate(GOOD);

        assertThat(result.getFailureReport().getDetails()).isEmpty();
        assertThat(result.hasViolation()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void rule_fails_when_it_matches_nothing(String ruleName) {
        assertThatThrownBy(() -> rule(ruleName).check(UNRELATED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void every_rule_is_covered_by_a_planted_violation() {
        assertThat(violations().map(a -> (String) a.get()[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(ruleNames().toList());
    }

    /** Every {@link ArchRule} constant of {@link TrussArchitecture}, by field name. */
    static Stream<String> ruleNames() {
        return Stream.of(TrussArchitecture.class.getDeclaredFields())
                .filter(f -> ArchRule.class.isAssignableFrom(f.getType()))
                .map(java.lang.reflect.Field::getName);
    }

    private static Arguments bites(String ruleName, Class<?>... planted) {
        return arguments(ruleName, planted[0].getName(), planted);
    }

    private static ArchRule rule(String name) {
        try {
            return (ArchRule) TrussArchitecture.class.getDeclaredField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no rule " + name, e);
        }
    }

    private static JavaClasses importOnly(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
