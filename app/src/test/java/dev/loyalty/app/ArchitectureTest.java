package dev.loyalty.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.RECORDS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's rules that Maven's module graph cannot state: what the domain and the application
 * may import, that driving ports know no service, that adapters do not know each other, that
 * timers are a driving adapter of their own, that the packages of the application and of the web
 * adapter form no loop, and that the ground floor of the application (shared kinds, shared driven
 * ports, the activity log) knows no use case.
 */
@AnalyzeClasses(packages = "dev.loyalty", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainUsesOnlyJava = classes()
            .that()
            .resideInAPackage("dev.loyalty.domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.loyalty.domain..")
            .as("the domain is plain Java");

    @ArchTest
    static final ArchRule applicationUsesDomainAndWhitelistOnly = classes()
            .that()
            .resideInAPackage("dev.loyalty.application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "dev.loyalty.domain..",
                    "dev.loyalty.application..",
                    "jakarta.inject..",
                    "jakarta.enterprise..",
                    "jakarta.transaction..")
            .as("the application uses the domain plus CDI and transaction annotations only");

    @ArchTest
    static final ArchRule drivingPortsDoNotKnowServices = noClasses()
            .that()
            .resideInAPackage("dev.loyalty.application..")
            .and()
            .areInterfaces()
            .and()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Service")
            .as("driving ports do not know the services implementing them");

    @ArchTest
    static final ArchRule queriesDoNotKnowServices = noClasses()
            .that()
            .resideInAPackage("dev.loyalty.application..")
            .and()
            .areInterfaces()
            .and()
            .haveSimpleNameEndingWith("Query")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Service");

    @ArchTest
    static final ArchRule insideDoesNotKnowAdapters = noClasses()
            .that()
            .resideInAnyPackage("dev.loyalty.domain..", "dev.loyalty.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.loyalty.adapters..", "dev.loyalty.launcher..")
            .as("dependencies point inwards");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = slices().matching("dev.loyalty.adapters.(*)..")
            .should()
            .notDependOnEachOther()
            .as("an adapter never depends on another adapter");

    @ArchTest
    static final ArchRule launcherStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.loyalty.launcher..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.loyalty.domain..", "dev.loyalty.application..", "dev.loyalty.adapters..")
            .as("the launcher only prepares the runtime");

    @ArchTest
    static final ArchRule timersLiveInTheSchedulingAdapter = methods()
            .that()
            .areAnnotatedWith("jakarta.ejb.Schedule")
            .or()
            .areAnnotatedWith("jakarta.ejb.Schedules")
            .or()
            .areAnnotatedWith("jakarta.ejb.Timeout")
            .should()
            .beDeclaredInClassesThat()
            .resideInAPackage("dev.loyalty.adapters.scheduling..")
            .as("timers are the scheduling adapter's, nobody else's");

    @ArchTest
    static final ArchRule schedulingDependsInwardOnly = classes()
            .that()
            .resideInAPackage("dev.loyalty.adapters.scheduling..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "jakarta..",
                    "org.eclipse.microprofile.config..",
                    "dev.loyalty.adapters.scheduling..",
                    "dev.loyalty.application..",
                    "dev.loyalty.domain..")
            .as("the scheduling adapter drives the application and knows nothing outside it");

    /** The packages every use case may import; they import no use case. */
    private static final String[] GROUND_FLOOR = {
        "dev.loyalty.application.shared..", "dev.loyalty.application.account..", "dev.loyalty.application.activity.."
    };

    @ArchTest
    static final ArchRule applicationSlicesAreFreeOfCycles = slices().matching("dev.loyalty.application.(*)..")
            .should()
            .beFreeOfCycles()
            .as("the packages of the application form no loop");

    @ArchTest
    static final ArchRule webSlicesAreFreeOfCycles = slices().matching("dev.loyalty.adapters.web.(*)..")
            .should()
            .beFreeOfCycles()
            .as("the packages of the web adapter form no loop");

    @ArchTest
    static final ArchRule webKnowsPortsNotServices = noClasses()
            .that()
            .resideInAPackage("dev.loyalty.adapters.web..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.loyalty.application..")
                    .and(not(INTERFACES))
                    .and(not(RECORDS))
                    .and(not(ENUMS))
                    .and(not(assignableTo(Exception.class))))
            .as("the web adapter knows the application through its ports, records, enums and exceptions only");

    @ArchTest
    static final ArchRule groundFloorKnowsNoUseCase = classes()
            .that()
            .resideInAnyPackage(GROUND_FLOOR)
            .should()
            .onlyDependOnClassesThat(
                    not(resideInAPackage("dev.loyalty.application..")).or(resideInAnyPackage(GROUND_FLOOR)))
            .as("the ground floor of the application (shared, account, activity) imports no use-case package");
}
