package org.regroup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers stay visible: domain ← solver ← application, and no cycles between packages. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.regroup");
    }

    @Test
    void domainKnowsNothingOfSolverOrApplication() {
        noClasses().that().resideInAPackage("org.regroup.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.regroup.solver..", "org.regroup.cli..",
                        "org.regroup.rest..", "ai.timefold..")
                .check(classes);
    }

    @Test
    void solverKnowsNothingOfTheApplication() {
        noClasses().that().resideInAPackage("org.regroup.solver..")
                .should().dependOnClassesThat().resideInAnyPackage("org.regroup.cli..", "org.regroup.rest..",
                        "picocli..")
                .check(classes);
    }

    /**
     * The store is persistence only: JDBC, its pool and migrations over the domain's types (and H2's MVStore, to
     * recover an embedded file after a crash: H2CrashRecovery). Not the solver, the HTTP
     * layer or the command line, nor school logic (mastery updates, ready sets: rest.days uses the store for those).
     */
    @Test
    void storeKnowsOnlyTheDomain() {
        classes().that().resideInAPackage("org.regroup.store..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.regroup.store..", "org.regroup.domain..",
                        "java..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..", "org.slf4j..",
                        "com.fasterxml.jackson..", "org.h2.mvstore..")
                .check(classes);
        noClasses().that().resideInAPackage("org.regroup.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.regroup.domain.mastery..",
                        "org.regroup.domain.graph..")
                .check(classes);
    }

    /**
     * HTTP → school service → persistence: the services that plan, keep and read a school's days (rest.days) and
     * run solves (rest.plans) and a district's mornings (rest.district) know nothing of HTTP resources, Jakarta REST or
     * the command line, so the command line and the server can drive the same code.
     */
    @Test
    void servicesKnowNothingOfHttpOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("org.regroup.rest.days..", "org.regroup.rest.plans..",
                        "org.regroup.rest.district..")
                .should().dependOnClassesThat().resideInAnyPackage("org.regroup.rest.api..", "org.regroup.cli..",
                        "jakarta.ws.rs..", "picocli..")
                .check(classes);
    }

    @Test
    void applicationPackagesHaveNoCycles() {
        slices().matching("org.regroup.rest.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void solverPackagesHaveNoCycles() {
        slices().matching("org.regroup.solver.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void domainPackagesHaveNoCycles() {
        slices().matching("org.regroup.domain.(*)..").should().beFreeOfCycles().check(classes);
    }
}
