package cn.gov.petition.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The servers of the local infrastructure that run in a JVM of their own (the Kafka broker, the
 * object store): their class path, resolved by Maven into a resource at build time, and their stop.
 */
final class ChildJvms {

  private ChildJvms() {}

  /**
   * The jars named in {@code resource} after the jar holding {@code launcher} (a class of the
   * module that carries the resource, loadable without those jars).
   */
  static String classpath(String resource, String launcher) throws IOException {
    try (InputStream in = ChildJvms.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing: build the project with ./mvnw install first");
      }
      String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      Class<?> main = Class.forName(launcher);
      return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI())
          + File.pathSeparator
          + jars;
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new IllegalStateException(launcher + " is not on the class path", e);
    }
  }

  /**
   * Starts {@code mainAndArgs} in a JVM of this JDK: Serial GC and C1 only, as the services (ADR
   * 6), slf4j-simple at warn, the heap and any other options in {@code options}; its output
   * appended to {@code log}.
   */
  static Process launch(
      Path directory, List<String> options, String classpath, List<String> mainAndArgs, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    command.addAll(options);
    command.add("-cp");
    command.add(classpath);
    command.addAll(mainAndArgs);
    return new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** Asks the process to end, and ends it after {@code graceSeconds} if it has not. */
  static void stop(Process process, int graceSeconds) {
    process.destroy();
    try {
      if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
