package org.starhash.gateway;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package table of DESIGN.md §1 ({@code ../shared/DESIGN.md}, beside the project), as rules: which package
 * may use which, who alone touches Netty, jsmpp, MapDB, Jackson and SnakeYAML, that services see the store only
 * through its read-only view and values, and no cycles between packages (nor through the root package, which
 * only cli and bench use). A change that needs a new edge adds it here, with why, and DESIGN.md follows. The root
 * package ({@code Gateway}, the composition) and {@code cli} may use every package; so may tests, which are not
 * analysed.
 */
@AnalyzeClasses(packages = "org.starhash.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageTableTest {

    private static final String BASE = "org.starhash.gateway.";
    /** What every package may use besides its own: the JDK, logging, and the small shared helpers. */
    private static final String[] EVERYWHERE = {"java..", "javax..", "org.slf4j..",
            // faults: the one fault log (start, count per minute, end) every layer that meets faults uses.
            BASE + "faults.."};

    @ArchTest
    static final ArchRule values = only("values");

    @ArchTest
    static final ArchRule faults = only("faults");

    @ArchTest
    static final ArchRule sms = only("sms", "values");

    @ArchTest
    static final ArchRule menu = only("menu", "sms", "values", "org.yaml.snakeyaml..");

    @ArchTest
    static final ArchRule ussd = only("ussd", "menu", "values");

    @ArchTest
    static final ArchRule store = only("store", "values", "org.mapdb..");

    @ArchTest
    static final ArchRule config = only("config", "menu", "sms", "store", "values", "com.fasterxml.jackson..");

    /**
     * Of the store, config uses its settings record; only the subscriber CSV import (SubscriberCsv, config's as
     * DESIGN.md §1 has it) builds the subscriber records and writes them to the store.
     */
    @ArchTest
    static final ArchRule configUsesOfTheStoreItsSettings = noClasses().that().resideInAPackage(BASE + "config..")
            .and(DescribedPredicate.describe("are not the subscriber CSV import",
                    (JavaClass c) -> !c.getName().equals(BASE + "config.SubscriberCsv")
                            && !c.getName().startsWith(BASE + "config.SubscriberCsv$")))
            .should().dependOnClassesThat(DescribedPredicate.describe("store classes other than StoreSettings",
                    c -> c.getPackageName().equals(BASE + "store") && !c.getSimpleName().equals("StoreSettings")));

    @ArchTest
    static final ArchRule services = only("services", "store", "sms", "config", "values", "org.starhash.billing..");

    @ArchTest
    static final ArchRule billing = only("billing", "store", "org.starhash.billing..");

    @ArchTest
    static final ArchRule outbox = only("outbox", "store", "config", "values");

    @ArchTest
    static final ArchRule engine = only("engine", "services", "ussd", "menu", "store", "billing", "outbox", "config",
            "sms", "values", "org.starhash.billing..");

    /** net: the accept guard and shedding server channel both Netty listeners share (connection caps). */
    @ArchTest
    static final ArchRule net = only("net", "io.netty..");

    @ArchTest
    static final ArchRule smpp = only("smpp", "engine", "outbox", "sms", "config", "values", "net", "io.netty..",
            "org.jsmpp..");

    @ArchTest
    static final ArchRule http = only("http", "engine", "outbox", "config", "values", "net", "io.netty..",
            "com.fasterxml.jackson..");

    /**
     * bench, beyond the table: sms (the generator reads the concatenation header of a long reply), Jackson (the
     * {@code --json} figures) and the gateway itself ({@code Gateway}: the server it measures is the real one).
     */
    @ArchTest
    static final ArchRule bench = noClasses().that().resideInAPackage(BASE + "bench..")
            .should().dependOnClassesThat(DescribedPredicate.describe("classes outside smpp, config, store, values, sms,"
                    + " Netty, jsmpp, HdrHistogram, Jackson and Gateway", (JavaClass c) -> !c.getName().equals(BASE + "Gateway")
                    && !c.getName().startsWith(BASE + "Gateway$")
                    && Arrays.stream(allowed("bench", "smpp", "config", "store", "values", "sms", "io.netty..", "org.jsmpp..",
                    "org.HdrHistogram..", "com.fasterxml.jackson..")).noneMatch(p -> inPackage(c, p))));

    @ArchTest
    static final ArchRule onlyTheListenersTouchNetty = noClasses().that().resideOutsideOfPackages(
                    BASE + "smpp..", BASE + "http..", BASE + "bench..", BASE + "net..", BASE + "cli..")
            .and().resideOutsideOfPackage("org.starhash.gateway")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.jsmpp..")
            .as("only smpp, http and bench (and net, their shared listener guard) use Netty or jsmpp");

    @ArchTest
    static final ArchRule onlyTheStoreTouchesMapDb = noClasses().that().resideOutsideOfPackage(BASE + "store..")
            .should().dependOnClassesThat().resideInAPackage("org.mapdb..");

    @ArchTest
    static final ArchRule onlyConfigHttpAndBenchReadJson = noClasses().that().resideOutsideOfPackages(
                    BASE + "config..", BASE + "http..", BASE + "bench..", BASE + "cli..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .as("only config, http and bench (and cli) use Jackson");

    @ArchTest
    static final ArchRule onlyMenusReadYamlNodes = noClasses().that().resideOutsideOfPackage(BASE + "menu..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
            .as("only menu uses SnakeYAML itself (config reads YAML through Jackson)");

    /** Services decide over the read-only view: none queues a transaction or writes, which only the engine does. */
    @ArchTest
    static final ArchRule servicesOnlyRead = noClasses().that().resideInAPackage(BASE + "services..")
            .should().dependOnClassesThat().belongToAnyOf(org.starhash.gateway.store.Store.class,
                    org.starhash.gateway.store.Tx.class, org.starhash.gateway.store.Transaction.class);

    /** The root package (Gateway) assembles every other; only cli and bench may use it, so no cycle runs through it. */
    @ArchTest
    static final ArchRule onlyCliAndBenchUseTheGateway = noClasses().that().resideInAPackage(BASE + "(*)..")
            .and().resideOutsideOfPackages(BASE + "cli..", BASE + "bench..")
            .should().dependOnClassesThat().resideInAPackage("org.starhash.gateway");

    @ArchTest
    static final ArchRule noCycles = slices().matching(BASE + "(*)..").should().beFreeOfCycles();

    /** A rule that classes of {@code pkg} use nothing but themselves, {@code uses} and what every package uses. */
    private static ArchRule only(String pkg, String... uses) {
        return noClasses().that().resideInAPackage(BASE + pkg + "..")
                .should().dependOnClassesThat().resideOutsideOfPackages(allowed(pkg, uses))
                .as(pkg + " uses only " + String.join(", ", uses).replace("..", ""));
    }

    /** Whether a class is in a package pattern of the form {@code a.b..}. */
    private static boolean inPackage(JavaClass c, String pattern) {
        String pkg = pattern.substring(0, pattern.length() - 2);
        return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
    }

    private static String[] allowed(String pkg, String... uses) {
        List<String> all = new ArrayList<>(List.of(EVERYWHERE));
        all.add(BASE + pkg + "..");
        for (String use : uses) {
            all.add(use.contains(".") ? use : BASE + use + "..");
        }
        return all.toArray(String[]::new);
    }
}
