package cn.gov.petition.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client generated from the API documents works: every committed service document (docs/openapi,
 * which each service's OpenApiDocumentTest holds equal to what it serves) and the gateway's merged
 * document pass Redocly's recommended rules, every warning an error
 * (gateway/api-lint/redocly.yaml). Redocly comes from npm, installed once into target/ from the
 * committed lock file, as the Kubernetes checks' tools are; it needs Node.js 20.19 or later.
 */
class ApiDocumentsLintTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path DOCS = MODULE.resolve("../docs/openapi").normalize();
  private static final Path TOOLS = MODULE.resolve("target/api-lint");
  private static final List<String> SERVICES =
      List.of("gateway", "intake", "routing", "supervision", "analytics");
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void installRedocly() throws Exception {
    Files.createDirectories(TOOLS);
    for (String file : List.of("package.json", "package-lock.json", "redocly.yaml")) {
      Files.copy(
          MODULE.resolve("api-lint").resolve(file),
          TOOLS.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(TOOLS.resolve("node_modules/@redocly/cli"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 0);
    }
  }

  @Test
  void everyServiceDocumentAndTheMergedOneAreLintClean() throws Exception {
    Map<String, JsonNode> byService = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    for (String service : SERVICES) {
      Path file =
          DOCS.resolve(service.equals("gateway") ? "gateway.yaml" : service + "-service.yaml");
      files.add(file.toString());
      byService.put(service, new YAMLMapper().readTree(file.toFile()));
    }
    Path merged = TOOLS.resolve("platform.json");
    Files.writeString(
        merged,
        JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(OpenApiResource.merge(JSON, byService)));
    files.add(merged.toString());
    lint(files, 0);
  }

  @Test
  void theLinterFailsADocumentWithoutSuccessResponsesOrOperationIds() throws Exception {
    ObjectNode broken =
        (ObjectNode) new YAMLMapper().readTree(DOCS.resolve("routing-service.yaml").toFile());
    JsonNode operation = broken.path("paths").elements().next().elements().next();
    ((ObjectNode) operation).remove("operationId");
    ObjectNode responses = (ObjectNode) operation.path("responses");
    responses.removeAll();
    responses.putObject("404").put("description", "Not Found");
    Path file = TOOLS.resolve("broken.json");
    Files.writeString(file, JSON.writeValueAsString(broken));
    String output = lint(List.of(file.toString()), 1);
    assertTrue(output.contains("operation-2xx-response"), output);
    assertTrue(output.contains("operation-operationId"), output);
  }

  private static String lint(List<String> files, int expected) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                "node_modules/@redocly/cli/bin/cli.js",
                "lint",
                "--config",
                "redocly.yaml",
                "--format",
                "stylish"));
    command.addAll(files);
    return run(command, expected);
  }

  /** Runs a command in the tools' directory; fails with its output if it exits otherwise. */
  private static String run(List<String> command, int expected) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(TOOLS.toFile());
    builder.environment().put("REDOCLY_TELEMETRY", "off");
    builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish");
    }
    assertEquals(expected, process.exitValue(), command + " said:\n" + output);
    return output;
  }
}
