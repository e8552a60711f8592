package cn.gov.petition.bench;

import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.Identities;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.infra.PostgresServer;
import cn.gov.petition.local.DemoData;
import cn.gov.petition.local.Platform;
import cn.gov.petition.testing.Machine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault suite (issue 26): while petitions are registered through the gateway at a steady rate,
 * each service, the gateway, the Kafka broker and PostgreSQL is killed in turn with SIGKILL, and
 * the node's supervisor starts it again. Then every registration that got a 201 is looked for where
 * it must be, straight in the node's database, as an outside tool would: in intake, routed once,
 * its forwarding clock kept once by supervision, counted once by analytics. Reports lost and
 * duplicated at each stage (target 0 and 0) and how long each part took to come back.
 *
 * <p>Every petition is sent with its own Idempotency-Key and resent with it until the gateway
 * answers 201 or 200: a client's retry during an outage must not register it twice.
 *
 * <p>After the kills, a poison event (a {@code case.progressed} whose data is not one) is written
 * to the case events: supervision and analytics must each park it on the dead-letter topic and go
 * on. Then PostgreSQL takes no writes for {@code --read-only} seconds (default 60; read-only, as a
 * full disk or a failover leaves it): registrations are answered 503 with Retry-After, never 500,
 * and the consumers wait instead of dead-lettering. Then the broker is stopped for {@code
 * --kafka-outage} seconds (default 300) while registrations go on: intake's outbox holds their
 * events until it is back.
 *
 * <p>Run: {@code bench/run faults [--rate 5] [--between 20] [--read-only 60] [--kafka-outage 300]}.
 */
public final class FaultBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final List<String> VICTIMS =
      List.of(
          "intake-service",
          "routing-service",
          "supervision-service",
          "analytics-service",
          "gateway",
          "kafka",
          "postgresql");

  private FaultBench() {}

  public static void main(String[] args) throws Exception {
    int rate = 5;
    int between = 20;
    int outage = 300;
    int readOnly = 60;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--read-only" -> readOnly = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--between" -> between = Integer.parseInt(args[++i]);
        case "--kafka-outage" -> outage = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root =
        Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath().normalize();
    Path run = Files.createTempDirectory("petition-bench-faults-");
    System.out.printf(
        "machine: %s; node, PostgreSQL (durable), Kafka and the bench share them%n",
        Machine.describe());
    try (Platform platform = Platform.start(root, run, "53", 0)) {
      new FaultBench.Run(platform, rate, between, outage, readOnly).go();
    } finally {
      try (var files = Files.walk(run.resolve("infra"))) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      System.out.println("logs kept in " + run.resolve("logs"));
    }
  }

  /** One run: the load, the kills, the reconciliation. */
  private static final class Run {

    private final Platform platform;
    private final int rate;
    private final int between;
    private final int outage;
    private final int readOnly;
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String marker = "故障测试" + run;
    private final String keys = "faults-" + run + "-";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final Map<String, Double> recovery = new LinkedHashMap<>();
    private volatile long lastAcknowledgedAt = System.nanoTime();

    Run(Platform platform, int rate, int between, int outage, int readOnly) throws Exception {
      this.readOnly = readOnly;
      this.platform = platform;
      this.rate = rate;
      this.between = between;
      this.outage = outage;
      this.token = DemoData.token(http, platform.gatewayUrl(), "qilin-registrar");
    }

    void go() throws Exception {
      ScheduledExecutorService load = Executors.newScheduledThreadPool(8);
      int serial = Identities.nextSerial() * 100;
      load.scheduleAtFixedRate(
          () -> {
            int n = sent.incrementAndGet();
            load.execute(
                () -> {
                  try {
                    register(serial + n, n);
                  } catch (RuntimeException e) {
                    System.out.println("petition " + n + ": " + e);
                  }
                });
          },
          0,
          1_000_000 / rate,
          TimeUnit.MICROSECONDS);
      Thread.sleep(between * 1000L);
      System.out.printf(
          "before the kills: %d sent, %d acknowledged%n", sent.get(), acknowledged.size());
      for (String victim : VICTIMS) {
        kill(victim);
        Thread.sleep(between * 1000L);
      }
      poison();
      if (readOnly > 0) {
        int acknowledgedBefore = acknowledged.size();
        int unavailableBefore = unavailable.get();
        readOnly(true);
        Thread.sleep(readOnly * 1000L);
        readOnly(false);
        System.out.printf(
            "PostgreSQL read-only for %d s: %d answers 503 (Retry-After), %d answers 500 in the"
                + " whole run, %d registrations acknowledged meanwhile%n",
            readOnly,
            unavailable.get() - unavailableBefore,
            serverErrors.get(),
            acknowledged.size() - acknowledgedBefore);
        Thread.sleep(between * 1000L);
      }
      if (outage > 0) {
        int acknowledgedBefore = acknowledged.size();
        platform.infrastructure().kafka().stop();
        Thread.sleep(outage * 1000L);
        System.out.printf(
            "Kafka stopped for %d s: %d registrations acknowledged meanwhile%n",
            outage, acknowledged.size() - acknowledgedBefore);
        platform.infrastructure().kafka().start();
        Thread.sleep(between * 1000L);
      }
      load.shutdown();
      load.awaitTermination(5, TimeUnit.MINUTES);
      System.out.printf(
          "sent %d petitions at %d/s, %d acknowledged (201 or 200), %d resends%n",
          sent.get(), rate, acknowledged.size(), retries.get());
      reconcile();
    }

    /**
     * PostgreSQL read-only for every session or writable again (ALTER SYSTEM and a reload: no
     * restart, the pooled connections take it at their next statement).
     */
    private void readOnly(boolean on) throws Exception {
      PostgresServer postgres = platform.infrastructure().postgres();
      try (var connection =
              java.sql.DriverManager.getConnection(
                  postgres.jdbcUrl("petition_53"), PostgresServer.USER, PostgresServer.PASSWORD);
          var sql = connection.createStatement()) {
        sql.execute("ALTER SYSTEM SET default_transaction_read_only = " + (on ? "on" : "off"));
        sql.execute("SELECT pg_reload_conf()");
      }
    }

    /** A case.progressed whose data is not one: each consumer parks it and goes on. */
    private void poison() {
      KafkaProbe kafka = new KafkaProbe(platform.infrastructure().kafka().bootstrapServers());
      String key = "poison-" + run;
      kafka.send(
          Topics.CASE_EVENTS,
          key,
          KafkaProbe.cloudEventHeaders(
              UUID.randomUUID().toString(), "cn.gov.petition.case.progressed", key),
          "{\"caseId\": \"cut off in the middle");
      var parked =
          kafka.await(
              Topics.forNode(Topics.DEAD_LETTER, "53"),
              seen -> key.equals(seen.key()),
              2,
              Duration.ofSeconds(60));
      System.out.printf(
          "poison event: parked on the dead-letter topic by %d of 2 consumers (supervision,"
              + " analytics)%n",
          parked.size());
    }

    /** Registers petition n, resending with the same key until the gateway acknowledges it. */
    private void register(int serial, int n) {
      String key = keys + n;
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/intake/cases"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", key)
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(petition(serial, n)))
              .build();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 201 || answer.statusCode() == 200) {
            JsonNode body = JSON.readTree(answer.body());
            acknowledged.put(n, body.path("petitionCase").path("id").asText());
            lastAcknowledgedAt = System.nanoTime();
            return;
          }
          if (answer.statusCode() == 503) {
            unavailable.incrementAndGet();
          } else if (answer.statusCode() >= 500) {
            serverErrors.incrementAndGet();
          }
          if (answer.statusCode() < 500 && refusals.incrementAndGet() <= 3) {
            System.out.println("refused: " + answer.statusCode() + " " + answer.body());
          }
        } catch (Exception notNow) {
          // the gateway is down or the call timed out: resend with the same key
        }
        retries.incrementAndGet();
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private String petition(int serial, int n) {
      try {
        return JSON.writeValueAsString(
            Map.of(
                "channel",
                "ONLINE",
                "receivedOn",
                LocalDate.now(CHINA).toString(),
                "matterRegionCode",
                "530302001",
                "petitionClass",
                "APPEAL",
                "purpose",
                "SEEK_SOLUTION",
                "category",
                "0105",
                "content",
                marker + "-" + n + "：小区供暖不达标，请求督促整改。",
                "personCount",
                1,
                "petitioners",
                List.of(
                    Map.of(
                        "name",
                        "故障" + n,
                        "idNumber",
                        Identities.residentId("530302", serial),
                        "phone",
                        Identities.mobile(serial)))));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** SIGKILL, then how long until the supervisor started it and a registration went through. */
    private void kill(String victim) throws Exception {
      String part =
          victim.equals("kafka") || victim.equals("postgresql") ? victim : "node 53 " + victim;
      long pid =
          switch (victim) {
            case "kafka" -> platform.infrastructure().kafka().pid();
            case "postgresql" -> platform.infrastructure().postgres().pid();
            default -> platform.nodes().get(0).pid(victim);
          };
      int before = platform.restarts().getOrDefault(part, 0);
      long killedAt = System.nanoTime();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      while (platform.restarts().getOrDefault(part, 0) == before) {
        Thread.sleep(100);
      }
      double restarted = (System.nanoTime() - killedAt) / 1e9;
      if (!part.equals(victim)) {
        platform.nodes().get(0).awaitReady(victim);
      }
      double ready = (System.nanoTime() - killedAt) / 1e9;
      while (lastAcknowledgedAt < killedAt || System.nanoTime() - lastAcknowledgedAt > 2e9) {
        Thread.sleep(100);
      }
      double serving = (System.nanoTime() - killedAt) / 1e9;
      recovery.put(victim, serving);
      System.out.printf(
          "killed %-20s started again after %5.1f s, ready after %5.1f s, registrations"
              + " acknowledged again after %5.1f s%n",
          victim, restarted, ready, serving);
    }

    /**
     * Waits until every acknowledged case has reached analytics or 5 minutes passed, then counts.
     */
    private void reconcile() throws Exception {
      PostgresServer postgres = platform.infrastructure().postgres();
      List<String> ids = new ArrayList<>(acknowledged.values());
      try (Connection db =
          DriverManager.getConnection(
              postgres.jdbcUrl("petition_53"), PostgresServer.USER, PostgresServer.PASSWORD)) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, long[]> counts = counts(db, ids);
        while (System.nanoTime() < deadline && !settled(counts, ids.size())) {
          Thread.sleep(2000);
          counts = counts(db, ids);
        }
        long registered = registeredWithMarker(db);
        System.out.printf(
            "%nreconciliation of %d acknowledged registrations (lost = not there, duplicated ="
                + " there more than once):%n",
            ids.size());
        System.out.printf(
            "  %-34s lost %4d  duplicated %4d%n",
            "intake (the case)", counts.get("intake")[0], Math.max(0, registered - ids.size()));
        for (String stage : List.of("routing", "supervision", "analytics")) {
          long[] c = counts.get(stage);
          System.out.printf("  %-34s lost %4d  duplicated %4d%n", label(stage), c[0], c[1]);
        }
        System.out.println("\ntime to serve registrations again after each kill:");
        recovery.forEach(
            (victim, seconds) -> System.out.printf("  %-20s %5.1f s%n", victim, seconds));
      }
    }

    private static String label(String stage) {
      return switch (stage) {
        case "routing" -> "routing (one decision)";
        case "supervision" -> "supervision (one forwarding clock)";
        default -> "analytics (one petition fact)";
      };
    }

    private static boolean settled(Map<String, long[]> counts, int total) {
      return counts.values().stream().allMatch(c -> c[0] == 0);
    }

    /** Per stage: how many acknowledged cases are missing, and how many are there twice or more. */
    private static Map<String, long[]> counts(Connection db, List<String> ids) throws Exception {
      Map<String, long[]> counts = new LinkedHashMap<>();
      counts.put("intake", missingAndDoubled(db, "intake.petition_case", "id", "", ids));
      counts.put("routing", missingAndDoubled(db, "routing.routing_decision", "case_id", "", ids));
      counts.put(
          "supervision",
          missingAndDoubled(
              db, "supervision.statutory_clock", "case_id", " AND step = 'FORWARD'", ids));
      counts.put("analytics", missingAndDoubled(db, "analytics.petition_fact", "case_id", "", ids));
      return counts;
    }

    private static long[] missingAndDoubled(
        Connection db, String table, String column, String condition, List<String> ids)
        throws Exception {
      String sql =
          "SELECT count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1) FROM ("
              + " SELECT a.id, (SELECT count(*) FROM "
              + table
              + " t WHERE t."
              + column
              + " = a.id"
              + condition
              + ") AS n FROM unnest(?::uuid[]) AS a(id)) counted";
      try (PreparedStatement statement = db.prepareStatement(sql)) {
        statement.setArray(
            1, db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          return new long[] {result.getLong(1), result.getLong(2)};
        }
      }
    }

    /** The cases intake holds of this run, acknowledged or not. */
    private long registeredWithMarker(Connection db) throws Exception {
      try (PreparedStatement statement =
          db.prepareStatement(
              "SELECT count(*) FROM intake.petition_case WHERE registered_at > now() - interval '1"
                  + " day' AND idempotency_key LIKE ?")) {
        statement.setString(1, "%|" + keys + "%");
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          return result.getLong(1);
        }
      }
    }
  }
}
