package dev.truss.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The hexagon's rules, as reusable {@link ArchRule} constants.
 *
 * <ul>
 *   <li>{@link #DOMAIN_ONLY_ON_JDK}: the model and its rules must be testable and reusable with
 *       nothing but a JDK, so {@code dev.truss.domain..} depends on {@code java..} and itself only.
 *   <li>{@link #APPLICATION_ONLY_ON_DOMAIN_AND_JDK}: use cases talk to the world through their
 *       own ports; anything else they touch would leak an adapter's choice into the core.
 *   <li>{@link #CORE_FREE_OF_FRAMEWORKS}: names the libraries adapters bring (AWS SDK, Javalin,
 *       Google, JavaCV, Jackson, Jakarta, {@code javax}) so a violation says which one leaked.
 *       {@code javax..} has one exception, {@link #JDK_CRYPTO}: the JDK's own crypto API, which
 *       the application uses for HMAC page cursors and AES-GCM sealing of tokens (the domain
 *       needs only {@code java.security}).
 *   <li>{@link #SINGLE_TABLE_ONLY_ON_CORE_AND_JSON}: {@code dev.truss.singletable..} holds the key
 *       design and every store over a small {@code Table} interface, shared by the DynamoDB and
 *       SQLite adapters; it may use the core and Jackson (its JSON codec), never a backend's
 *       library, so both backends store exactly the same items.
 *   <li>{@link #ADAPTERS_INDEPENDENT}: each {@code dev.truss.adapters.<name>..} is a slice that
 *       must not use another, so an adapter can be replaced or dropped alone.
 *   <li>{@link #ONLY_BOOTSTRAP_AND_ADAPTERS_USE_ADAPTERS}: outside bootstrap and the adapters no
 *       class uses an adapter (the core never does). With {@link #ADAPTERS_INDEPENDENT} this means
 *       nothing but bootstrap and the adapter itself uses an adapter, so bootstrap is the only
 *       place that knows more than one.
 *   <li>{@link #DOMAIN_FREE_OF_CYCLES}, {@link #APPLICATION_FREE_OF_CYCLES}: sub-packages
 *       ({@code dev.truss.domain.<x>..}, {@code dev.truss.application.<x>..}) form a layering,
 *       not a tangle, so each can be understood and moved on its own.
 * </ul>
 *
 * <p>Every rule fails when it matches no class ({@code archRule.failOnEmptyShould=true} in
 * {@code archunit.properties}); {@link TrussArchitectureTest} skips, with a reason, the rules
 * whose subject does not exist yet. {@link TrussArchitectureRulesBiteTest} proves each rule
 * catches planted violations.
 */
final class TrussArchitecture {

    static final String ROOT = "dev.truss";
    static final String DOMAIN = "dev.truss.domain..";
    static final String APPLICATION = "dev.truss.application..";
    static final String ADAPTERS = "dev.truss.adapters..";
    static final String SINGLE_TABLE = "dev.truss.singletable..";
    static final String BOOTSTRAP = "dev.truss.bootstrap..";

    /** Libraries only adapters (or bootstrap) may use. */
    static final String[] FRAMEWORKS = {
        "software.amazon..",
        "io.javalin..",
        "com.google..",
        "org.bytedeco..",
        "com.fasterxml..",
        "tools.jackson..",
        "jakarta..",
        "javax..",
    };

    /** The JDK's crypto API: part of every Java runtime, no framework. */
    static final String JDK_CRYPTO = "javax.crypto..";

    static final ArchRule DOMAIN_ONLY_ON_JDK =
            classes()
                    .that()
                    .resideInAPackage(DOMAIN)
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", DOMAIN)
                    .because("the domain is the model and its rules, and needs nothing but a JDK");

    static final ArchRule APPLICATION_ONLY_ON_DOMAIN_AND_JDK =
            classes()
                    .that()
                    .resideInAPackage(APPLICATION)
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", JDK_CRYPTO, DOMAIN, APPLICATION)
                    .because("use cases reach the world only through their own ports");

    static final ArchRule CORE_FREE_OF_FRAMEWORKS =
            noClasses()
                    .that()
                    .resideInAnyPackage(DOMAIN, APPLICATION)
                    .should()
                    .dependOnClassesThat(
                            JavaClass.Predicates.resideInAnyPackage(FRAMEWORKS)
                                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(JDK_CRYPTO))))
                    .because("frameworks and SDKs belong to adapters; the core stays plain Java");

    static final ArchRule SINGLE_TABLE_ONLY_ON_CORE_AND_JSON =
            classes()
                    .that()
                    .resideInAPackage(SINGLE_TABLE)
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", DOMAIN, APPLICATION, SINGLE_TABLE, "tools.jackson..",
                            "com.fasterxml.jackson.annotation..")
                    .because("the key design is shared by every table backend, so it must not lean on any one");

    static final ArchRule ADAPTERS_INDEPENDENT =
            slices()
                    .matching("dev.truss.adapters.(*)..")
                    .namingSlices("adapter $1")
                    .should()
                    .notDependOnEachOther()
                    .because("an adapter must be replaceable and removable without touching another");

    static final ArchRule ONLY_BOOTSTRAP_AND_ADAPTERS_USE_ADAPTERS =
            noClasses()
                    .that()
                    .resideInAPackage("dev.truss..")
                    .and()
                    .resideOutsideOfPackages(BOOTSTRAP, ADAPTERS)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(ADAPTERS)
                    .because("the core never knows an adapter; only bootstrap wires them together");

    static final ArchRule DOMAIN_FREE_OF_CYCLES =
            slices()
                    .matching("dev.truss.domain.(*)..")
                    .namingSlices("domain.$1")
                    .should()
                    .beFreeOfCycles()
                    .because("domain packages form a layering that can be read and moved piece by piece");

    static final ArchRule APPLICATION_FREE_OF_CYCLES =
            slices()
                    .matching("dev.truss.application.(*)..")
                    .namingSlices("application.$1")
                    .should()
                    .beFreeOfCycles()
                    .because("application packages form a layering that can be read and moved piece by piece");

    /**
     * Keeps test classes packed in a {@code -tests.jar} (such as application's contract suites and
     * fakes) out of the production import; {@link ImportOption.DoNotIncludeTests} only knows
     * test-class directories.
     */
    static final ImportOption DO_NOT_INCLUDE_TEST_JARS =
            new ImportOption() {
                private final Pattern testJar = Pattern.compile(".*-tests\\.jar!/.*");

                @Override
                public boolean includes(Location location) {
                    return !location.matches(testJar);
                }
            };

    private TrussArchitecture() {}

    /** The production classes of every Truss module on the classpath; never test classes. */
    static JavaClasses importProductionClasses() {
        return new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(DO_NOT_INCLUDE_TEST_JARS)
                .importPackages(ROOT);
    }
}
