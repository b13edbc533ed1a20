package dev.loyalty.app;

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
 * may import, that driving ports know no service, that adapters do not know each other, and that
 * timers are a driving adapter of their own.
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
}
