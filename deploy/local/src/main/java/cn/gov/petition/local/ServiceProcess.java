package cn.gov.petition.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One service of the suite, run from its packaged Quarkus application in its own JVM. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * The services this JVM started and has not stopped. A launcher stopped by a signal stops them,
   * also while it is still starting them (before a platform exists to close them), so that no
   * service outlives it.
   */
  private static final Set<ServiceProcess> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(RUNNING).parallelStream().forEach(ServiceProcess::close),
                "services-stop"));
  }

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;
  private volatile boolean closed;

  /**
   * The liveness probe, as Kubernetes runs it on a node (deploy/k8s): once the service has answered
   * {@code /q/health/live} with 200, {@value #LIVENESS_FAILURES} failed probes in a row, {@link
   * #LIVENESS_PERIOD} apart, mean it is alive but stuck (a consumer channel that gave up, a hung
   * JVM) and it must be started again.
   */
  private static final Duration LIVENESS_PERIOD = Duration.ofSeconds(5);

  private static final int LIVENESS_FAILURES = 3;
  private Instant nextProbe = Instant.EPOCH;
  private boolean answeredLive;
  private int failedProbes;
  private String lastFailure;

  private ServiceProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  static ServiceProcess start(
      Path projectRoot, String module, int port, Map<String, String> config, Path logDir) {
    Path jar = projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build with ./mvnw install -DskipTests first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only: on two cores shared by five services, C2's compiler threads cost more start-up
    // time and throughput than its code gains (bench/README.md).
    command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    // more options for every service, e.g. a flight recording to profile a bench (bench/README.md)
    String extra = System.getenv("PETITION_JVM_OPTIONS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.http.host=127.0.0.1");
    config.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(jar.toString());
    try {
      Files.createDirectories(logDir);
      Path log = logDir.resolve(module + ".log");
      Process process =
          new ProcessBuilder(command)
              .directory(projectRoot.resolve(module).toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      ServiceProcess service = new ServiceProcess(module, port, log, process);
      RUNNING.add(service);
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + module, e);
    }
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  /**
   * What is wrong with a service that should run, or null: it exited, or it runs but its liveness
   * probe failed {@value #LIVENESS_FAILURES} times in a row. Probes at most every {@link
   * #LIVENESS_PERIOD}; a service that has not yet answered once is starting, not stuck.
   */
  synchronized String fault() {
    if (closed) {
      return null;
    }
    if (!process.isAlive()) {
      return "died (exit code " + process.exitValue() + ")";
    }
    Instant now = Instant.now();
    if (now.isBefore(nextProbe)) {
      return stuck();
    }
    nextProbe = now.plus(LIVENESS_PERIOD);
    HttpRequest live =
        HttpRequest.newBuilder(URI.create(url() + "/q/health/live"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try {
      int status = HTTP.send(live, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200) {
        answeredLive = true;
        failedProbes = 0;
        return null;
      }
      lastFailure = "/q/health/live answered " + status;
    } catch (IOException e) {
      lastFailure = "/q/health/live did not answer (" + e.getClass().getSimpleName() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (answeredLive) {
      failedProbes++;
    }
    return stuck();
  }

  private String stuck() {
    return failedProbes >= LIVENESS_FAILURES
        ? "is not live: " + lastFailure + ", " + failedProbes + " probes in a row"
        : null;
  }

  int exitValue() {
    return process.exitValue();
  }

  /** Waits until the service reports itself ready (database migrated, Kafka reachable). */
  void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with code " + process.exitValue() + "; see " + log);
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(20));
  }

  /** Stops the service: SIGTERM, and SIGKILL if it has not exited after {@code grace}. */
  void close(Duration grace) {
    closed = true;
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(this);
  }
}
