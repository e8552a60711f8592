package cn.gov.petition.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The one floor plan of every service (docs/running.md): {@code cn.gov.petition.<service>} holds
 * the domain (its types and rules); {@code api/} the resources and their request and response
 * records; {@code events/} every consumer; {@code store/} every entity, repository and SQL text;
 * {@code config/} producers and typed configuration. The arrows point one way: api/ and events/
 * call the domain, the domain persists through store/, nothing outside api/ imports api/.
 */
public final class FloorPlan {

  private FloorPlan() {}

  /** The rules for the service whose root package is {@code root}. */
  public static List<ArchRule> of(String root) {
    String api = root + ".api..";
    String events = root + ".events..";
    String store = root + ".store..";
    String config = root + ".config..";
    return List.of(
        classes()
            .should()
            .resideInAnyPackage(root, api, events, store, config)
            .as("every class lives at the root (the domain), in api, events, store or config"),
        noClasses()
            .that()
            .resideOutsideOfPackage(api)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(api)
            .as("nothing outside api imports api"),
        noClasses()
            .that()
            .resideInAnyPackage(root, store, config)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(events)
            .as("the domain, store and config do not import events"),
        classes()
            .that()
            .areAnnotatedWith(Entity.class)
            .should()
            .resideInAPackage(store)
            .as("every entity lives in store")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideOutsideOfPackage(store)
            .should()
            .dependOnClassesThat()
            .areAssignableTo(EntityManager.class)
            .as("only store talks to the database (queries and SQL text live there)"),
        classes()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .resideInAPackage(api)
            .as("every resource lives in api")
            .allowEmptyShould(true),
        methods()
            .that()
            .areAnnotatedWith(Incoming.class)
            .should()
            .beDeclaredInClassesThat()
            .resideInAPackage(events)
            .as("every Kafka consumer lives in events")
            .allowEmptyShould(true));
  }

  /** The service's production classes (not its tests). */
  public static JavaClasses classesOf(String root) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(root);
  }

  /** Every rule's violations in the service, one report per rule broken; empty if none. */
  public static List<String> violations(String root) {
    return violations(root, classesOf(root));
  }

  /** The same, for classes imported otherwise (the rules' own tests). */
  public static List<String> violations(String root, JavaClasses classes) {
    return of(root).stream()
        .map(rule -> rule.evaluate(classes))
        .filter(result -> result.hasViolation())
        .map(result -> result.getFailureReport().toString())
        .toList();
  }
}
