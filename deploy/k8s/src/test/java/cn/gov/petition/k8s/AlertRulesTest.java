package cn.gov.petition.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The node's alert rules (deploy/k8s/monitoring) are complete and say what they watch. */
class AlertRulesTest {

  private static final Path RULES = Path.of("monitoring/petition-alerts.yaml");

  @Test
  void everyRuleHasAnExpressionASeverityAndAChineseAndEnglishSummary() throws Exception {
    JsonNode rules =
        new ObjectMapper(new YAMLFactory())
            .readTree(RULES.toFile())
            .path("groups")
            .get(0)
            .path("rules");
    assertTrue(rules.size() >= 8, "the rules an operator alerts on");
    Set<String> names = new HashSet<>();
    for (JsonNode rule : rules) {
      String name = rule.path("alert").asText();
      assertTrue(names.add(name), "one rule per name: " + name);
      assertFalse(rule.path("expr").asText().isBlank(), name + " has an expression");
      assertTrue(
          Set.of("critical", "warning").contains(rule.path("labels").path("severity").asText()),
          name + " has a severity");
      String summary = rule.path("annotations").path("summary").asText();
      assertTrue(summary.matches(".*\\p{IsHan}.* / .*[a-z].*"), name + ": 中文 / English summary");
    }
    String all = Files.readString(RULES);
    for (String watched :
        new String[] {
          "petition_outbox_oldest_age_seconds",
          "petition_outbox_backlog",
          "kafka_consumer_fetch_manager_records_lag_max",
          "petition_events_failed_total",
          "petition_events_waiting_total",
          "petition_deadlines_watch_age_seconds",
          "petition_calendar_next_year_missing"
        }) {
      assertTrue(all.contains(watched), "a rule watches " + watched);
    }
  }
}
