package cn.gov.petition.testing;

import cn.gov.petition.infra.LocalInfrastructure;
import cn.gov.petition.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Quarkus test resource every service's integration tests opt into: a real PostgreSQL and a
 * real Kafka broker, started once per test JVM and deleted when it ends.
 *
 * <p>Use with {@code @QuarkusTestResource(value = PetitionTestInfrastructure.class,
 * restrictToAnnotatedClass = false)} on one test class of the module.
 */
public class PetitionTestInfrastructure implements QuarkusTestResourceLifecycleManager {

  private static LocalInfrastructure shared;

  /** The infrastructure of this test JVM, started on first use. */
  public static synchronized LocalInfrastructure infrastructure() {
    if (shared == null) {
      try {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path directory = Files.createTempDirectory(target.toAbsolutePath(), "petition-infra-");
        LocalInfrastructure started =
            LocalInfrastructure.start(directory, PostgresServer.Durability.UNSAFE_FAST);
        Runtime.getRuntime().addShutdownHook(new Thread(started::closeAndDelete));
        shared = started;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  @Override
  public Map<String, String> start() {
    // one resource for every service's tests: the gateway's tests need the demo issuer's key
    Map<String, String> config =
        new java.util.HashMap<>(infrastructure().serviceConfig("petition"));
    config.putAll(infrastructure().demoIssuerConfig());
    // read by intake alone (its SMS notices); the other services have no such setting
    config.putAll(infrastructure().smsConfig());
    return config;
  }

  @Override
  public void stop() {
    // Kept for the next test class of this JVM; the shutdown hook removes it.
  }
}
