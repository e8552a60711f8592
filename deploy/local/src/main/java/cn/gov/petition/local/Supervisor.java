package cn.gov.petition.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps the parts of the local platform running, as Kubernetes keeps a node's in production: a
 * service, the Kafka broker or PostgreSQL that dies (a crash, {@code kill -9}, the OOM killer) is
 * started again on its port and data, and so is a service that runs but fails its liveness probe (a
 * Kafka consumer that gave up during a broker outage, a hung JVM). A part that dies again soon
 * waits longer before the next start: 1 s, doubling to at most 1 min, back to 1 s once it has run
 * for 5 minutes. Every death and start is written to the launcher's output and to {@code
 * logs/supervisor.log}. A part stopped on purpose (a test's {@code Node.stop}, {@code
 * KafkaBroker.stop}) is not started again.
 */
final class Supervisor implements AutoCloseable {

  /**
   * One part: what is wrong with it (null while it runs as it should), and how to start it again
   * (stopping what is left of it first).
   */
  record Part(String name, Supplier<String> fault, Runnable start) {

    /** A part that is either running or dead. */
    static Part process(String name, BooleanSupplier died, Runnable start) {
      return new Part(name, () -> died.getAsBoolean() ? "died" : null, start);
    }
  }

  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
  private static final Duration STEADY = Duration.ofMinutes(5);

  private final Supplier<List<Part>> parts;
  private final Path log;
  private final Map<String, Backoff> backoff = new ConcurrentHashMap<>();
  private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /** How long a part waits before its next start, and since when it runs. */
  private record Backoff(Duration delay, Instant notBefore, Instant startedAt) {}

  Supervisor(Supplier<List<Part>> parts, Path log) {
    this.parts = parts;
    this.log = log;
    this.thread = new Thread(this::watch, "supervisor");
    thread.setDaemon(true);
    thread.start();
  }

  /** How often each part was started again, by name. */
  Map<String, Integer> restarts() {
    return new LinkedHashMap<>(restarts);
  }

  private void watch() {
    while (running) {
      for (Part part : parts.get()) {
        String fault = running ? part.fault().get() : null;
        if (fault != null) {
          revive(part, fault);
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void revive(Part part, String fault) {
    Instant now = Instant.now();
    Backoff last = backoff.get(part.name());
    if (last != null && now.isBefore(last.notBefore())) {
      return;
    }
    Duration wait =
        last == null || Duration.between(last.startedAt(), now).compareTo(STEADY) > 0
            ? FIRST_WAIT
            : min(last.delay().multipliedBy(2), LONGEST_WAIT);
    say(part.name() + " " + fault + "; starting it again");
    try {
      part.start().run();
      restarts.merge(part.name(), 1, Integer::sum);
      say(part.name() + " started again (" + restarts.get(part.name()) + ")");
      backoff.put(part.name(), new Backoff(wait, now.plus(wait), now));
    } catch (RuntimeException e) {
      say(part.name() + " did not start (" + e.getMessage() + "); next try in " + wait);
      backoff.put(
          part.name(), new Backoff(wait, now.plus(wait), last == null ? now : last.startedAt()));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private void say(String line) {
    String stamped = Instant.now() + " " + line;
    System.out.println("[supervisor] " + line);
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          stamped + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("[supervisor] cannot write " + log + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
