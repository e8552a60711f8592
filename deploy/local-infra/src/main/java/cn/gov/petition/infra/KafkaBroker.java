package cn.gov.petition.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (no ZooKeeper), run in its own JVM from the
 * jars Maven resolved for the petition-kafka-broker module.
 *
 * <p>It can be stopped and started again on the same ports and data, which is how tests show that
 * an outage loses no event.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final String CLASSPATH_RESOURCE = "/cn/gov/petition/infra/kafka-broker.classpath";

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private Process process;

  private KafkaBroker(Path directory, int port, int controllerPort) {
    this.directory = directory;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Formats the storage on first use, then starts the broker and waits until it listens. */
  public static KafkaBroker start(Path directory, int preferredPort, int preferredControllerPort) {
    int port = Ports.freePort(preferredPort);
    int controllerPort = Ports.freePort(preferredControllerPort);
    if (controllerPort == port) {
      controllerPort = Ports.freePort();
    }
    KafkaBroker broker = new KafkaBroker(directory, port, controllerPort);
    broker.start();
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Whether the broker exited without being stopped (a crash, a kill): it should run. */
  public synchronized boolean died() {
    return process != null && !process.isAlive();
  }

  /** The broker's process id, while it runs. */
  public synchronized long pid() {
    if (!isRunning()) {
      throw new IllegalStateException("the broker is not running");
    }
    return process.pid();
  }

  /** Starts the broker again after {@link #stop()} or a crash, on the same ports and data. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    process = null;
    try {
      Files.createDirectories(directory);
      Path properties = writeServerProperties();
      if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
        run(
            List.of(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId(),
                "-c",
                properties.toString()),
            directory.resolve("format.log"),
            Duration.ofMinutes(2));
      }
      process =
          java(
              List.of("cn.gov.petition.infra.broker.BrokerMain", properties.toString()),
              directory.resolve("broker.log"));
      Ports.awaitListening(port, Duration.ofMinutes(2), process, "Kafka broker");
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka did not start in " + directory, e);
    }
  }

  /** Stops the broker (controlled shutdown), keeping its data. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    ChildJvms.stop(process, 30);
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  private Path writeServerProperties() throws IOException {
    String config =
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + directory.resolve("data").toAbsolutePath(),
            "num.partitions=3",
            // one machine's broker: fewer threads than a server's defaults (3 and 8), which only
            // take turns on two cores
            "num.network.threads=2",
            "num.io.threads=2",
            "auto.create.topics.enable=true",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "log.retention.hours=-1",
            "");
    Path file = directory.resolve("server.properties");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * A random cluster id as Kafka writes them: 16 bytes, URL-safe base64. Like Kafka's own
   * Uuid.randomUuid, it never starts with '-', which the storage tool would read as an option.
   */
  static String clusterId() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }

  private Process java(List<String> mainAndArgs, Path log) throws IOException {
    return ChildJvms.launch(
        directory, List.of("-Xms128m", "-Xmx512m"), classpath(), mainAndArgs, log);
  }

  private void run(List<String> mainAndArgs, Path log, Duration timeout) throws IOException {
    Process tool = java(mainAndArgs, log);
    try {
      if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || tool.exitValue() != 0) {
        tool.destroyForcibly();
        throw new IllegalStateException(
            "Kafka storage format failed, see " + log + ":\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Writes Kafka's own command-line tools of the broker's version (Maven Central's kafka-tools) as
   * the scripts a Kafka installation has in its bin/, for the operator's scripts to find on the
   * PATH: {@code kafka-consumer-groups.sh} for now.
   *
   * @return {@code directory}
   */
  public static Path writeTools(Path directory) {
    try {
      Files.createDirectories(directory);
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Path script = directory.resolve("kafka-consumer-groups.sh");
      Files.writeString(
          script,
          "#!/usr/bin/env bash\nexec '"
              + java
              + "' -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp '"
              + classpath()
              + "' org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \"$@\"\n");
      script.toFile().setExecutable(true);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the Kafka tools to " + directory, e);
    }
  }

  /** The broker's jars (resolved by Maven at build time) plus the launcher jar with BrokerMain. */
  private static String classpath() throws IOException {
    return ChildJvms.classpath(
        CLASSPATH_RESOURCE, "cn.gov.petition.infra.broker.BrokerMainLocator");
  }
}
