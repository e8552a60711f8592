package cn.gov.petition.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Where the end-to-end tests run the platform from, and what they leave behind. */
final class TestRuns {

  private TestRuns() {}

  /** The project's root, where the services' packaged applications are. */
  static Path projectRoot() {
    return Path.of(System.getProperty("petition.project.root", "../.."))
        .toAbsolutePath()
        .normalize();
  }

  /** A new run directory under target/. */
  static Path newRunDirectory(String prefix) throws IOException {
    return Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
  }

  /** Deletes the databases and Kafka data; keeps the services' logs for a failed run. */
  static void deleteInfrastructure(Path runDirectory) {
    try (var files = Files.walk(runDirectory.resolve("infra"))) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
