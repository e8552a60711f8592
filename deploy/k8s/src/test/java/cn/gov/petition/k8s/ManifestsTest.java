package cn.gov.petition.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every overlay renders, passes the Kubernetes API's schemas, and is what a node needs: its own
 * region and namespace, probed and sized services that run unprivileged, and a Kafka user that
 * reads no other node's topics.
 */
class ManifestsTest {

  private static final Set<String> SERVICES =
      Set.of(
          "intake-service",
          "routing-service",
          "supervision-service",
          "analytics-service",
          "gateway");
  private static final Set<String> BROADCAST =
      Set.of(
          "petition.case-events",
          "petition.supervision-events",
          "petition.analytics-events",
          "petition.nodes",
          "petition.calendar");

  @Test
  void everyRenderingPassesTheKubernetesSchemas() throws Exception {
    Rendered rendered = Rendered.get();
    List<String> command = new ArrayList<>(List.of("node", "validate.mjs"));
    rendered.files.values().forEach(file -> command.add(file.toString()));
    String report = Rendered.run(Rendered.TOOLS, command);
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String line : report.strip().split("\n")) {
      JsonNode result = json.readTree(line);
      assertEquals(0, result.path("errors").size(), line);
      checked += result.path("checked").asBoolean() ? 1 : 0;
    }
    // per overlay: the ConfigMap, five Deployments and five Services
    assertEquals(4 * 11, checked, report);
  }

  @Test
  void theValidatorRefusesWhatKubernetesWould() throws Exception {
    Rendered rendered = Rendered.get();
    String county = java.nio.file.Files.readString(rendered.files.get("county"));
    java.nio.file.Path broken = Rendered.TARGET.resolve("rendered/broken.yaml");
    java.nio.file.Files.writeString(
        broken, county.replaceFirst("containerPort: 8080", "containerPort: http-port"));
    String report =
        Rendered.run(
            Rendered.TOOLS, List.of("node", "validate.mjs", broken.toString()), Map.of(), 1);
    assertTrue(report.contains("containerPort must be integer"), report);
  }

  @Test
  void eachNodeServesItsRegionFromItsOwnNamespace() throws Exception {
    Rendered rendered = Rendered.get();
    for (Map.Entry<String, String> overlay : Rendered.OVERLAYS.entrySet()) {
      String name = overlay.getKey();
      String region = overlay.getValue();
      JsonNode config = rendered.of(name, "ConfigMap").get(0);
      assertEquals(region, config.path("data").path("PETITION_NODE_REGION").asText(), name);
      for (JsonNode object : rendered.objects.get(name)) {
        String kind = object.path("kind").asText();
        String namespace = object.path("metadata").path("namespace").asText();
        boolean kafka = kind.startsWith("Kafka");
        assertEquals(kafka ? "kafka" : "petition-" + region, namespace, name + " " + kind);
        assertFalse(
            java.util.regex.Pattern.compile("(?<![A-Z_])NODE(?![A-Z_])")
                .matcher(object.toString())
                .find(),
            name + ": the placeholder NODE left in " + object);
      }
      assertEquals(
          SERVICES,
          Set.copyOf(
              rendered.of(name, "Deployment").stream()
                  .map(d -> d.path("metadata").path("name").asText())
                  .toList()),
          name);
    }
  }

  @Test
  void everyServiceIsProbedSizedAndUnprivileged() throws Exception {
    for (String overlay : Rendered.OVERLAYS.keySet()) {
      for (JsonNode deployment : Rendered.get().of(overlay, "Deployment")) {
        String what = overlay + " " + deployment.path("metadata").path("name").asText();
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), what);
        for (JsonNode container : pod.path("containers")) {
          for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertTrue(
                container.path(probe).path("httpGet").path("path").asText().startsWith("/q/health"),
                what + " " + probe);
          }
          JsonNode resources = container.path("resources");
          assertFalse(resources.path("requests").path("cpu").isMissingNode(), what);
          assertFalse(resources.path("requests").path("memory").isMissingNode(), what);
          assertFalse(resources.path("limits").path("memory").isMissingNode(), what);
          assertTrue(container.path("image").asText().matches("petition/[a-z-]+:.+"), what);
          JsonNode security = container.path("securityContext");
          assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), what);
          assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), what);
          // secrets only by reference: no value that looks like a password or key in the manifests
          for (JsonNode env : container.path("env")) {
            String variable = env.path("name").asText();
            if (variable.matches(".*(PASSWORD|JAAS|KEY)$")) {
              assertTrue(env.path("value").isMissingNode(), what + " " + variable);
            }
          }
        }
      }
    }
  }

  @Test
  void aNodeReadsTheBroadcastAndItsOwnTopicsOnly() throws Exception {
    Rendered rendered = Rendered.get();
    for (Map.Entry<String, String> overlay : Rendered.OVERLAYS.entrySet()) {
      String region = overlay.getValue();
      JsonNode user = rendered.of(overlay.getKey(), "KafkaUser").get(0);
      assertEquals("petition-node-" + region, user.path("metadata").path("name").asText());
      List<String> ownTopics =
          List.of(
              "petition.node." + region + ".routing-requests",
              "petition.node." + region + ".routing-decisions",
              "petition.handoffs." + region,
              "petition.dead-letter." + region);
      for (String topic : ownTopics) {
        assertTrue(allows(user, "topic", topic, "Read"), region + " reads " + topic);
        assertTrue(allows(user, "topic", topic, "Write"), region + " writes " + topic);
      }
      for (String topic : BROADCAST) {
        assertTrue(allows(user, "topic", topic, "Read"), region + " reads " + topic);
      }
      assertTrue(allows(user, "group", region + ".analytics-service", "Read"), region);
      for (String other : Rendered.OVERLAYS.values()) {
        if (other.equals(region)) {
          continue;
        }
        for (String topic :
            List.of(
                "petition.node." + other + ".routing-requests",
                "petition.node." + other + ".routing-decisions",
                "petition.handoffs." + other,
                "petition.dead-letter." + other)) {
          assertFalse(allows(user, "topic", topic, "Read"), region + " must not read " + topic);
        }
        // it may hand a case to any node, and nothing else of another node's
        assertTrue(allows(user, "topic", "petition.handoffs." + other, "Write"), region);
        assertFalse(
            allows(user, "topic", "petition.node." + other + ".routing-requests", "Write"), region);
        assertFalse(allows(user, "group", other + ".intake-service", "Read"), region);
      }
    }
  }

  /** Whether a Strimzi KafkaUser's simple ACLs allow an operation on a resource. */
  static boolean allows(JsonNode user, String type, String name, String operation) {
    for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      String pattern = resource.path("name").asText();
      boolean matches =
          resource.path("type").asText().equals(type)
              && (resource.path("patternType").asText("literal").equals("prefix")
                  ? name.startsWith(pattern)
                  : name.equals(pattern));
      if (matches) {
        for (JsonNode allowed : acl.path("operations")) {
          if (allowed.asText().equals(operation) || allowed.asText().equals("All")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
