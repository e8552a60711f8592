package cn.gov.petition.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The topics promised in docs/asyncapi.yaml (partitions, replicas, cleanup policy, retention) are
 * the topics deploy/k8s creates, as Strimzi resources and with the plain script, and the script
 * grants each node what its KafkaUser grants.
 */
class KafkaTopicsTest {

  /** A topic as created: its partitions, replicas, cleanup policy and retention ("" for none). */
  record Topic(int partitions, int replicas, String cleanupPolicy, String retentionMs) {}

  /** What docs/asyncapi.yaml promises, for the nodes of the overlays. */
  private static Map<String, Topic> promised() throws Exception {
    JsonNode contract =
        new YAMLMapper()
            .readTree(Rendered.MODULE.resolve("../../docs/asyncapi.yaml").normalize().toFile());
    Map<String, Topic> topics = new TreeMap<>();
    for (JsonNode channel : contract.path("channels")) {
      JsonNode kafka = channel.path("bindings").path("kafka");
      assertTrue(kafka.has("partitions"), "a Kafka binding for " + channel.path("address"));
      JsonNode config = kafka.path("topicConfiguration");
      Topic topic =
          new Topic(
              kafka.path("partitions").asInt(),
              kafka.path("replicas").asInt(),
              config.path("cleanup.policy").get(0).asText(),
              config.path("retention.ms").asText(""));
      String address = channel.path("address").asText();
      if (address.contains("{node}")) {
        for (String region : Rendered.OVERLAYS.values()) {
          topics.put(address.replace("{node}", region), topic);
        }
      } else {
        topics.put(address, topic);
      }
    }
    return topics;
  }

  @Test
  void theStrimziTopicsAreTheContractsTopics() throws Exception {
    Rendered rendered = Rendered.get();
    Map<String, Topic> created = new TreeMap<>();
    for (String rendering : rendered.objects.keySet()) {
      for (JsonNode topic : rendered.of(rendering, "KafkaTopic")) {
        JsonNode spec = topic.path("spec");
        assertEquals(
            Set.of("topicName", "partitions", "replicas", "config"),
            fieldNames(spec),
            "a KafkaTopic's spec as Strimzi's v1beta2 schema has it");
        assertEquals(
            "petition", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
        JsonNode config = spec.path("config");
        created.put(
            spec.path("topicName").asText(),
            new Topic(
                spec.path("partitions").asInt(),
                spec.path("replicas").asInt(),
                config.path("cleanup.policy").asText(),
                config.path("retention.ms").asText("")));
      }
    }
    assertEquals(promised(), created);
  }

  @Test
  void thePlainScriptCreatesTheSameTopicsAndGrantsWhatStrimziGrants() throws Exception {
    Rendered rendered = Rendered.get();
    Path bin = Files.createDirectories(Rendered.TARGET.resolve("fake-kafka-bin"));
    for (String tool : List.of("kafka-topics.sh", "kafka-acls.sh")) {
      Path script = bin.resolve(tool);
      Files.writeString(script, "#!/bin/sh\necho \"$(basename \"$0\") $*\"\n");
      assertTrue(script.toFile().setExecutable(true));
    }
    Map<String, String> env = Map.of("BOOTSTRAP", "kafka:9093", "KAFKA_BIN", bin.toString());
    Path script = Rendered.MODULE.resolve("kafka/plain-kafka.sh");
    List<String> commands = new ArrayList<>();
    commands.addAll(
        lines(
            Rendered.run(Rendered.MODULE, List.of("bash", script.toString(), "cluster"), env, 0)));
    Map<String, Set<String>> scriptAcls = new TreeMap<>();
    for (String region : Rendered.OVERLAYS.values()) {
      List<String> node =
          lines(
              Rendered.run(
                  Rendered.MODULE, List.of("bash", script.toString(), "node", region), env, 0));
      commands.addAll(node);
      scriptAcls.put(region, acls(node));
    }
    Map<String, Topic> created = new TreeMap<>();
    Pattern create =
        Pattern.compile(
            "kafka-topics\\.sh .*--create --if-not-exists --topic (\\S+) --partitions (\\d+)"
                + " --replication-factor (\\d+)(.*)");
    for (Matcher m : matching(create, commands)) {
      Map<String, String> config = new TreeMap<>();
      Matcher c = Pattern.compile("--config (\\S+)=(\\S+)").matcher(m.group(4));
      while (c.find()) {
        config.put(c.group(1), c.group(2));
      }
      created.put(
          m.group(1),
          new Topic(
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              config.get("cleanup.policy"),
              config.getOrDefault("retention.ms", "")));
    }
    assertEquals(promised(), created);

    for (Map.Entry<String, String> overlay : Rendered.OVERLAYS.entrySet()) {
      JsonNode user = rendered.of(overlay.getKey(), "KafkaUser").get(0);
      Set<String> strimzi = new TreeSet<>();
      for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
        JsonNode resource = acl.path("resource");
        for (JsonNode operation : acl.path("operations")) {
          strimzi.add(
              resource.path("type").asText()
                  + " "
                  + resource.path("name").asText()
                  + " "
                  + resource.path("patternType").asText().replace("prefix", "prefixed")
                  + " "
                  + operation.asText());
        }
      }
      assertEquals(strimzi, scriptAcls.get(overlay.getValue()), overlay.getKey());
    }
    // a region code it does not know is refused, with nothing created
    String refused =
        Rendered.run(Rendered.MODULE, List.of("bash", script.toString(), "node", "53x"), env, 2);
    assertTrue(refused.contains("not a region code"), refused);
    assertTrue(lines(refused).stream().noneMatch(l -> l.startsWith("kafka-")), refused);
  }

  /** The ACLs the script's kafka-acls.sh commands add, as "type name pattern operation". */
  private static Set<String> acls(List<String> commands) {
    Set<String> acls = new TreeSet<>();
    Pattern add =
        Pattern.compile(
            "kafka-acls\\.sh .*--add --allow-principal User:\\S+ --(topic|group) (\\S+)"
                + " --resource-pattern-type (\\S+)(.*)");
    for (Matcher m : matching(add, commands)) {
      Matcher o = Pattern.compile("--operation (\\S+)").matcher(m.group(4));
      while (o.find()) {
        acls.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + o.group(1));
      }
    }
    return acls;
  }

  /** The commands that match a pattern, matched. */
  private static List<Matcher> matching(Pattern pattern, List<String> commands) {
    return commands.stream().map(pattern::matcher).filter(Matcher::matches).toList();
  }

  private static List<String> lines(String output) {
    return output.isBlank() ? List.of() : List.of(output.strip().split("\n"));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
