package org.regroup.benchmarks.witness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The witness proves something only if it is independent of what it checks: it reads the day problem and the
 * domain's formats, and uses nothing of Regroup's solver (nor of the benchmark code built on it).
 */
class WitnessIndependenceTest {

    private static final JavaClasses WITNESS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.regroup.benchmarks.witness");

    @Test
    void usesNothingOfTheSolver() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.regroup.solver..", "ai.timefold..")
                .check(WITNESS);
    }

    @Test
    void usesOnlyTheJdkTheDomainAndItself() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.regroup.domain..",
                "org.regroup.benchmarks.witness..")
                .check(WITNESS);
    }
}
