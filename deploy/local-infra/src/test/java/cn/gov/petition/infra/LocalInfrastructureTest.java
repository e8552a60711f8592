package cn.gov.petition.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTest {

  @Test
  void realPostgresAndKafkaStartStopAndKeepTheirDataAcrossABrokerRestart() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "infra-test-");
    LocalInfrastructure infra = LocalInfrastructure.start(dir, PostgresServer.Durability.DURABLE);
    try {
      Map<String, String> config = infra.serviceConfig("petition_test");
      try (var connection =
              DriverManager.getConnection(
                  config.get("quarkus.datasource.jdbc.url"),
                  PostgresServer.USER,
                  PostgresServer.PASSWORD);
          var result =
              connection.createStatement().executeQuery("SELECT current_database(), version()")) {
        assertTrue(result.next());
        assertEquals("petition_test", result.getString(1));
        assertTrue(
            result.getString(2).startsWith("PostgreSQL " + PostgresServer.MAJOR + "."),
            result.getString(2));
      }
      assertEquals(
          List.of("on", "on"),
          settings(config.get("quarkus.datasource.jdbc.url")),
          "a node's PostgreSQL acknowledges a commit once it is on disk");

      assertFalse(Ports.isFree(infra.sms().port()), "the SMS center listens");
      String password = LocalInfrastructure.smsPassword(dir.resolve("keys"));
      assertEquals(8, password.length());
      assertEquals(password, LocalInfrastructure.smsPassword(dir.resolve("keys")), "kept");
      assertFalse(Ports.isFree(infra.objects().port()), "the object store, started when asked");
      assertTrue(Files.exists(dir.resolve("keys").resolve("objects-secret")));

      String topic = "infra-test-" + UUID.randomUUID();
      produce(infra, topic, "before-restart");
      infra.kafka().stop();
      assertFalse(infra.kafka().isRunning());
      infra.kafka().start();
      produce(infra, topic, "after-restart");

      assertEquals(List.of("before-restart", "after-restart"), consumeAll(infra, topic, 2));
    } finally {
      infra.closeAndDelete();
    }
    assertFalse(Files.exists(dir));
  }

  @Test
  void theTestsThrowawayPostgresSkipsFsyncAndSynchronousCommit() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "infra-fast-");
    try (PostgresServer postgres =
        PostgresServer.start(dir, 0, PostgresServer.Durability.UNSAFE_FAST)) {
      assertEquals(List.of("off", "off"), settings(postgres.jdbcUrl("postgres")));
    }
  }

  @Test
  void aKilledPostgresIsSeenDeadAndRestartsWithEveryAcknowledgedCommit() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "infra-kill-");
    try (PostgresServer postgres =
        PostgresServer.start(dir, 0, PostgresServer.Durability.DURABLE)) {
      String url = postgres.jdbcUrl("postgres");
      try (var connection =
              DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
          var statement = connection.createStatement()) {
        statement.execute("CREATE TABLE acknowledged (n int)");
        statement.execute("INSERT INTO acknowledged SELECT generate_series(1, 1000)");
      }
      assertFalse(postgres.died(), "a running postmaster is not dead");
      ProcessHandle postmaster = ProcessHandle.of(postgres.pid()).orElseThrow();
      assertTrue(postmaster.destroyForcibly(), "SIGKILL sent");
      postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(postgres.died(), "a killed postmaster is dead");

      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (postgres.died() && System.nanoTime() < deadline) {
        try {
          postgres.restart();
        } catch (RuntimeException backendsStillLeaving) {
          Thread.sleep(500);
        }
      }
      assertFalse(postgres.died(), "restarted");
      try (var connection =
              DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
          var result =
              connection.createStatement().executeQuery("SELECT count(*) FROM acknowledged")) {
        result.next();
        assertEquals(1000, result.getInt(1), "every acknowledged row survived the crash");
      }
    }
  }

  /** fsync and synchronous_commit as the server runs them. */
  private static List<String> settings(String jdbcUrl) throws Exception {
    try (var connection =
            DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
        var statement = connection.createStatement()) {
      List<String> values = new java.util.ArrayList<>();
      for (String setting : List.of("fsync", "synchronous_commit")) {
        try (var result = statement.executeQuery("SHOW " + setting)) {
          result.next();
          values.add(result.getString(1));
        }
      }
      return values;
    }
  }

  private static void produce(LocalInfrastructure infra, String topic, String value)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (var producer = new KafkaProducer<String, String>(config)) {
      producer.send(new ProducerRecord<>(topic, "k", value)).get();
    }
  }

  private static List<String> consumeAll(LocalInfrastructure infra, String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            infra.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "infra-test",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class);
    var values = new java.util.ArrayList<String>();
    try (var consumer = new KafkaConsumer<String, String>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
