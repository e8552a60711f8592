package cn.gov.petition.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The floor plan's rules catch what they promise: a service laid out by the plan passes, and each
 * misplaced class or import of a service that is not is reported by its rule.
 */
class FloorPlanRulesTest {

  private static final String GOOD = "cn.gov.petition.testing.plan.good";
  private static final String BAD = "cn.gov.petition.testing.plan.bad";

  @Test
  void aServiceOnThePlanHasNoViolation() {
    assertEquals(
        List.of(), FloorPlan.violations(GOOD, new ClassFileImporter().importPackages(GOOD)));
  }

  @Test
  void everyRuleReportsItsMisplacedClass() {
    List<String> reports = FloorPlan.violations(BAD, new ClassFileImporter().importPackages(BAD));
    List<String> expected =
        List.of(
            "every class lives at the root (the domain), in api, events, store or config",
            "nothing outside api imports api",
            "the domain, store and config do not import events",
            "every entity lives in store",
            "only store talks to the database",
            "every resource lives in api",
            "every Kafka consumer lives in events");
    assertEquals(expected.size(), reports.size(), String.join("\n", reports));
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(
          reports.get(i).contains(expected.get(i)),
          "rule " + expected.get(i) + " reported: " + reports.get(i));
    }
    assertTrue(reports.get(0).contains("Stray"), reports.get(0));
    assertTrue(reports.get(1).contains("TakesRequest"), reports.get(1));
    assertTrue(reports.get(2).contains("CallsEvents"), reports.get(2));
    assertTrue(reports.get(3).contains("RootEntity"), reports.get(3));
    assertTrue(reports.get(4).contains("QueriesItself"), reports.get(4));
    assertTrue(reports.get(5).contains("RootResource"), reports.get(5));
    assertTrue(reports.get(6).contains("RootConsumer"), reports.get(6));
  }
}
