package cn.gov.petition.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.LocalInfrastructure;
import cn.gov.petition.infra.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container images as the Maven build makes them ({@code -Pimages}, docs/images.md): built with
 * no Docker engine, pushed to a real registry (Debian's docker-registry, installed by the test when
 * missing), and one of them run from its layers alone, in a chroot as the image's user, against the
 * local PostgreSQL and Kafka, until it reports ready.
 */
class ImagesIT {

  /** Two of the five (the profile is the same for all): a service and the gateway. */
  private static final List<String> BUILT = List.of("intake-service", "gateway");

  private static final Map<String, Integer> PORTS = Map.of("intake-service", 8081, "gateway", 8080);
  private static final String TAG = "0.1.0-SNAPSHOT";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Path work;
  private static Process registry;
  private static String registryAddress;

  @BeforeAll
  static void buildAndPush() throws Exception {
    TestRuns.requireCommand("docker-registry", "docker-registry");
    work = TestRuns.newRunDirectory("images-it-");
    int port = Ports.freePort();
    registryAddress = "127.0.0.1:" + port;
    Path config = work.resolve("registry.yml");
    Files.writeString(
        config,
        """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
        http:
          addr: %s
        """
            .formatted(work.resolve("registry"), registryAddress));
    registry =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("registry.log").toFile())
            .start();
    awaitRegistry();

    List<String> command =
        new ArrayList<>(
            List.of(
                "./mvnw",
                "-B",
                "-q",
                "-Pimages",
                "package",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "-am",
                "-pl",
                "deploy/images," + String.join(",", BUILT),
                "-Dimages.registry=" + registryAddress,
                "-Dimages.insecure=true"));
    Process build =
        new ProcessBuilder(command)
            .directory(TestRuns.projectRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("build.log").toFile())
            .start();
    assertTrue(build.waitFor(15, TimeUnit.MINUTES), "the image build did not end in 15 minutes");
    assertEquals(
        0,
        build.exitValue(),
        "the image build failed:\n" + Files.readString(work.resolve("build.log")));
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.destroy();
    }
  }

  @Test
  void everyImageIsTheBaseRuntimeAndTheApplicationRunAsTheUnprivilegedUser() throws Exception {
    List<String> baseLayers = null;
    for (String service : BUILT) {
      JsonNode manifest = manifest(service);
      JsonNode config =
          JSON.readTree(blob(service, manifest.path("config").path("digest").asText()));
      JsonNode container = config.path("config");
      assertEquals("185", container.path("User").asText(), service + " runs as petition (185)");
      assertEquals("/deployments", container.path("WorkingDir").asText());
      assertEquals("java", container.path("Entrypoint").get(0).asText());
      assertTrue(
          container.path("Env").toString().contains("JAVA_HOME=/opt/java"), container.toString());
      assertTrue(
          container.path("ExposedPorts").has(PORTS.get(service) + "/tcp"),
          service + " exposes its port: " + container);
      List<String> layers = new ArrayList<>();
      manifest.path("layers").forEach(l -> layers.add(l.path("digest").asText()));
      assertTrue(layers.size() > 3, "base layers and the application's");
      if (baseLayers == null) {
        baseLayers = layers.subList(0, 3);
      } else {
        assertEquals(baseLayers, layers.subList(0, 3), "one base for every service");
      }
    }
  }

  @Test
  void theIntakeImageStartsFromItsLayersAloneAndBecomesReady() throws Exception {
    Path root = work.resolve("rootfs");
    Files.createDirectories(root.resolve("proc"));
    JsonNode manifest = manifest("intake-service");
    for (JsonNode layer : manifest.path("layers")) {
      Path file = work.resolve("layer.tar.gz");
      Files.write(file, blob("intake-service", layer.path("digest").asText()));
      run(
          List.of(
              "tar",
              "--warning=no-unknown-keyword",
              "-xzf",
              file.toString(),
              "-C",
              root.toString()));
    }
    JsonNode config =
        JSON.readTree(blob("intake-service", manifest.path("config").path("digest").asText()))
            .path("config");

    try (LocalInfrastructure infrastructure =
        LocalInfrastructure.start(work.resolve("infra"), TestRuns.DURABILITY)) {
      Map<String, String> settings = new HashMap<>(infrastructure.serviceConfig("petition_53"));
      settings.putAll(infrastructure.fieldKeyConfig());
      // the public key file, as a Kubernetes secret would mount it
      Path keys = Files.createDirectories(root.resolve("etc/petition"));
      Files.copy(infrastructure.keys().publicKey(), keys.resolve("jwt-public.pem"));
      settings.put("mp.jwt.verify.publickey.location", "file:/etc/petition/jwt-public.pem");
      settings.put("petition.node.region", "53");
      int port = Ports.freePort();
      settings.put("quarkus.http.port", String.valueOf(port));

      List<String> command =
          new ArrayList<>(
              List.of(
                  "unshare",
                  "--mount",
                  "--pid",
                  "--fork",
                  "--mount-proc=" + root.resolve("proc"),
                  // absolute: the command runs with the image's environment (its PATH)
                  Files.exists(Path.of("/usr/sbin/chroot")) ? "/usr/sbin/chroot" : "/sbin/chroot",
                  "--userspec=185:185",
                  root.toString()));
      // the entrypoint, its jar named from the working directory (chroot has no working directory)
      config
          .path("Entrypoint")
          .forEach(
              part ->
                  command.add(
                      part.asText().endsWith(".jar")
                          ? config.path("WorkingDir").asText() + "/" + part.asText()
                          : part.asText()));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("intake-from-image.log").toFile());
      builder.environment().clear();
      config
          .path("Env")
          .forEach(
              e -> {
                String[] pair = e.asText().split("=", 2);
                builder.environment().put(pair[0], pair[1]);
              });
      settings.forEach((key, value) -> builder.environment().put(environmentName(key), value));
      Process service = builder.start();
      try {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && service.isAlive() && status != 200) {
          TimeUnit.SECONDS.sleep(1);
          status = status("http://127.0.0.1:" + port + "/q/health/ready");
        }
        assertEquals(
            200,
            status,
            "intake from its image did not become ready:\n"
                + Files.readString(work.resolve("intake-from-image.log")));
      } finally {
        // the service is unshare's child: stop it first, unshare does not pass the signal on
        List<ProcessHandle> inside = service.descendants().toList();
        inside.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : inside) {
          process.onExit().get(30, TimeUnit.SECONDS);
        }
        service.destroy();
        service.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** MicroProfile Config's environment name of a property: upper case, other than A-Z0-9 to _. */
  private static String environmentName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  private static JsonNode manifest(String service) throws Exception {
    return JSON.readTree(
        get(
            service,
            "manifests/" + TAG,
            "application/vnd.docker.distribution.manifest.v2+json,"
                + " application/vnd.oci.image.manifest.v1+json"));
  }

  private static byte[] blob(String service, String digest) throws Exception {
    return get(service, "blobs/" + digest, "*/*");
  }

  /** A manifest or blob of {@code petition/<service>} from the registry's API. */
  private static byte[] get(String service, String path, String accept) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://" + registryAddress + "/v2/petition/" + service + "/" + path))
                .header("Accept", accept)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), service + ": no " + path + " in the registry");
    return response.body();
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static void awaitRegistry() throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      if (status("http://" + registryAddress + "/v2/") == 200) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException("the registry did not start at " + registryAddress);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + new String(out));
  }
}
