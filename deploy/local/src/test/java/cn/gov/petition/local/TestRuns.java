package cn.gov.petition.local;

import cn.gov.petition.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Where the end-to-end tests run the platform from, and what they leave behind. */
final class TestRuns {

  private TestRuns() {}

  /**
   * The tests throw their data away: PostgreSQL without fsync and synchronous commit, which a node
   * never runs (PostgresServer.Durability).
   */
  static final PostgresServer.Durability DURABILITY = PostgresServer.Durability.UNSAFE_FAST;

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

  /**
   * Makes sure the machine has a command from Debian's packages that a test runs (pg_dump for the
   * backup scripts): installs the package with apt-get when the command is missing and the tests
   * run as root, as on CI; otherwise says what to install.
   */
  static void requireCommand(String command, String debianPackage) throws Exception {
    if (has(command)) {
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException(
          command + " is missing: install Debian's " + debianPackage + " (or your system's)");
    }
    run("apt-get", "install", "-y", "--no-install-recommends", debianPackage);
    if (!has(command)) {
      run("apt-get", "update");
      run("apt-get", "install", "-y", "--no-install-recommends", debianPackage);
    }
    if (!has(command)) {
      throw new IllegalStateException(command + " is missing after installing " + debianPackage);
    }
  }

  private static boolean has(String command) throws Exception {
    return new ProcessBuilder("bash", "-c", "command -v " + command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor()
        == 0;
  }

  private static void run(String... command) throws Exception {
    new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
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
