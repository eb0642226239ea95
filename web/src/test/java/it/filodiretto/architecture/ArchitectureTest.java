package it.filodiretto.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold in the product, and each rule does fail on code that breaks it. */
class ArchitectureTest {

    @Test
    void theProductKeepsEveryBoundary() {
        JavaClasses product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.filodiretto");
        assertThat(product.stream().map(c -> c.getPackageName()))
                .as("all three modules are on the class path")
                .anyMatch(p -> p.startsWith("it.filodiretto.domain"))
                .anyMatch(p -> p.startsWith("it.filodiretto.integration"))
                .anyMatch(p -> p.startsWith("it.filodiretto.web"));
        ArchitectureRules.forRoot("it.filodiretto").forEach(rule -> rule.check(product));
    }

    @Test
    void everyRuleFailsOnTheBrokenFixture() {
        JavaClasses fixture = new ClassFileImporter().importPackages("it.filodiretto.archfixture");
        List<ArchRule> rules = ArchitectureRules.forRoot("it.filodiretto.archfixture");
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(fixture);
            assertThat(result.hasViolation()).as("rule '%s' reports the fixture's violation", rule.getDescription()).isTrue();
        }
    }
}
