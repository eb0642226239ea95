package it.filodiretto.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries of the developers' brief (written out in docs/architecture.md) as ArchUnit rules,
 * for any root package (the product's, or the deliberately broken fixture that proves each rule can fail).
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static List<ArchRule> forRoot(String root) {
        return rules(root).stream().map(rule -> rule.allowEmptyShould(true)).toList();
    }

    private static List<ArchRule> rules(String root) {
        String domain = root + ".domain..";
        String integration = root + ".integration..";
        String web = root + ".web..";
        DescribedPredicate<JavaClass> repositoryPort = JavaClass.Predicates.INTERFACES
                .and(JavaClass.Predicates.simpleNameEndingWith("Repository"))
                .and(JavaClass.Predicates.resideInAPackage(domain))
                .as("a repository port of the domain");
        return List.of(
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage(integration, web)
                        .as("domain depends on no other module"),
                noClasses().that().resideInAPackage(domain)
                        .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "jakarta.jms..",
                                "jakarta.ws.rs..", "org.eclipse.microprofile.rest.client..",
                                "org.eclipse.microprofile.faulttolerance..", "org.primefaces..", "org.omnifaces..")
                        .as("domain uses no JSF, JMS, JAX-RS, REST client or fault-tolerance API"),
                noClasses().that().resideInAPackage(integration)
                        .should().dependOnClassesThat().resideInAPackage(web)
                        .as("integration never depends on web"),
                noClasses().that().resideInAPackage(integration)
                        .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "org.primefaces..")
                        .as("integration has no pages"),
                noClasses().that().resideInAPackage(web)
                        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(integration)
                                .and(JavaClass.Predicates.resideOutsideOfPackage(root + ".integration.api..")))
                        .as("web uses integration only through its published API (" + root + ".integration.api)"),
                classes().that().areAnnotatedWith("jakarta.ejb.MessageDriven")
                        .should().resideInAPackage(integration)
                        .as("message-driven beans live in integration"),
                classes().that().areInterfaces().and().areAnnotatedWith("jakarta.ws.rs.Path")
                        .should().resideInAPackage(integration)
                        .as("REST clients (annotated interfaces) live in integration"),
                classes().that().areAnnotatedWith("org.eclipse.microprofile.rest.client.inject.RegisterRestClient")
                        .should().resideInAPackage(integration)
                        .as("registered REST clients live in integration"),
                classes().that().areNotInterfaces().and().areAnnotatedWith("jakarta.ws.rs.Path")
                        .should().resideInAPackage(web)
                        .as("JAX-RS resources live in web"),
                classes().that().areAnnotatedWith("jakarta.faces.view.ViewScoped")
                        .or().areAnnotatedWith("jakarta.faces.annotation.FacesConfig")
                        .or().areAnnotatedWith("jakarta.ws.rs.ApplicationPath")
                        .or().areAnnotatedWith("jakarta.inject.Named")
                        .should().resideInAPackage(web)
                        .as("Faces beans (@Named, @ViewScoped) and JAX-RS applications live in web"),
                noClasses().that().resideInAnyPackage(domain, web)
                        .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs.client..",
                                "org.eclipse.microprofile.rest.client..", "java.net.http..")
                        .as("outbound HTTP calls (REST client, JAX-RS or JDK client) are made in integration only"),
                noClasses().that(repositoryPort)
                        .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
                        .as("repository ports (domain interfaces named *Repository) say nothing of JPA"),
                classes().that().areNotInterfaces().and().implement(repositoryPort)
                        .should().haveSimpleNameStartingWith("Jpa").andShould().resideInAPackage(domain)
                        .as("a repository port's implementation is its Jpa* class in domain (in-memory ones live in tests)"),
                SlicesRuleDefinition.slices().matching(root + ".(*).(*)..")
                        .should().beFreeOfCycles()
                        .as("no cycles between capability packages"),
                SlicesRuleDefinition.slices().matching(root + ".(**)")
                        .should().beFreeOfCycles()
                        .as("no cycles between any two packages (a capability and its sub-packages too)"));
    }
}
