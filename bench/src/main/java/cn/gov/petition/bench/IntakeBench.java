package cn.gov.petition.bench;

import cn.gov.petition.infra.Identities;
import cn.gov.petition.infra.PostgresServer;
import cn.gov.petition.local.DemoData;
import cn.gov.petition.local.Platform;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Intake throughput and end-to-end latency (POST at the gateway → the routing decision recorded on
 * the case, seen as its {@code case.progressed} FORWARDED event), next to the raw insert rate of
 * the same PostgreSQL and the raw produce rate of the same Kafka at the same concurrency, so the
 * figures read as ratios to what the infrastructure itself can do on this machine.
 */
public final class IntakeBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IntakeBench() {}

  public static void main(String[] args) throws Exception {
    int requests = 2000;
    int concurrency = 16;
    double rate = 0;
    boolean traces = true;
    int cases = 0;
    int batch = 500;
    boolean statements = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        // the share of petitions that are the same petitioner about the same matter again, while
        // its case is open (重复信访): each is linked to the warm-up's case, no new case opened
        case "--repeats" -> repeatShare = Double.parseDouble(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--rate" -> rate = Double.parseDouble(args[++i]);
        // a node exports its traces (ADR 27); without, to measure what that costs
        case "--no-traces" -> traces = false;
        // a node that already holds this many cases (filled as the search bench fills its node)
        case "--cases" -> cases = Integer.parseInt(args[++i]);
        // petitions per call of the batched registration (0: none)
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        // what PostgreSQL did per registration at the maximum, per service and statement
        case "--statements" -> statements = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root = Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath();
    if (statements) {
      Statements.enable();
    }
    Path run = Files.createTempDirectory("petition-bench-");
    System.out.println("Starting a fresh node in " + run + " ...");
    try (Platform platform =
        Platform.start(
            root,
            run,
            List.of("53"),
            0,
            PostgresServer.Durability.DURABLE,
            traces ? Map.of() : Map.of("quarkus.otel.sdk.disabled", "true"))) {
      System.out.println(traces ? "Traces exported (as a node does)." : "No traces exported.");
      if (cases > 0) {
        fill(platform, cases);
      }
      ResidentMemory memory = new ResidentMemory(platform.node("53"));
      String token =
          DemoData.token(HttpClient.newHttpClient(), platform.gatewayUrl(), "qilin-registrar");
      AssignedWatcher watcher =
          new AssignedWatcher(platform.infrastructure().kafka().bootstrapServers());
      watcher.start();
      warmUp = Math.min(500, requests);
      System.out.println("Warming up (" + warmUp + " requests) ...");
      post(platform.gatewayUrl(), token, warmUp, concurrency, null);
      measuring = true;
      Statements perStatement =
          statements
              ? new Statements(platform.infrastructure().postgres().jdbcUrl("petition_53"))
              : null;
      if (perStatement != null) {
        perStatement.start();
      }
      System.out.println(
          "Maximum intake: "
              + requests
              + " requests, closed loop at concurrency "
              + concurrency
              + " ...");
      long[] postLatencies = new long[requests];
      memory.start();
      long start = System.nanoTime();
      post(
          platform.gatewayUrl(),
          token,
          requests,
          concurrency,
          (i, id, began, ended) -> postLatencies[i] = ended - began);
      double intakeSeconds = (System.nanoTime() - start) / 1e9;
      memory.stop();
      int linkedAtMaximum = linked.get();
      double intakeRate = requests / intakeSeconds;
      watcher.awaitQuiet(Duration.ofMinutes(3));
      String kafka = platform.infrastructure().kafka().bootstrapServers();
      double caughtUp = caughtUp(kafka, (System.nanoTime() - start) / 1e9);
      if (perStatement != null) {
        perStatement.report(requests);
      }

      double steadyRate = rate > 0 ? rate : Math.max(1, Math.floor(intakeRate / 2));
      int steadyRequests = (int) Math.max(200, Math.min(requests, steadyRate * 60));
      System.out.printf(
          "Latency at a steady %.0f petitions/s (%d requests, open loop) ...%n",
          steadyRate, steadyRequests);
      Map<String, Long> postedAt = new ConcurrentHashMap<>();
      long[] steadyPost = new long[steadyRequests];
      paced(
          platform.gatewayUrl(),
          token,
          steadyRequests,
          steadyRate,
          (i, id, began, ended) -> {
            if (id != null) {
              postedAt.put(id, began); // a repeat opens no case, and is routed nowhere
            }
            steadyPost[i] = ended - began;
          });
      List<Long> endToEnd = watcher.awaitAll(postedAt, Duration.ofMinutes(3));
      watcher.stop();

      double batchRate = 0;
      double batchCaughtUp = 0;
      if (batch > 0) {
        caughtUp(kafka, 0);
        System.out.printf(
            "Batched registration: %d petitions in calls of %d, 2 at a time ...%n",
            requests, batch);
        memory.start();
        long batchStart = System.nanoTime();
        batchRate = batched(platform.gatewayUrl(), token, requests, batch);
        memory.stop();
        batchCaughtUp = caughtUp(kafka, (System.nanoTime() - batchStart) / 1e9);
      }

      double pgRate = rawPostgres(platform, requests, concurrency);
      double kafkaRate =
          rawKafka(platform.infrastructure().kafka().bootstrapServers(), requests, concurrency);

      System.out.printf(
          "%nMachine: %d cores, %d MiB max heap for this JVM, Java %s, %s%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          System.getProperty("java.version"),
          System.getProperty("os.name"));
      System.out.printf(
          "Existing cases on the node: %,d%s%n",
          cases, cases > 0 ? " (filled straight into its database, as the search bench does)" : "");
      System.out.printf(
          "Maximum intake through the gateway: %.0f petitions/s (%d requests, concurrency %d)%n",
          intakeRate, requests, concurrency);
      System.out.printf(
          "  every service had applied their events %.0f s after the first was posted (%.0f"
              + " petitions/s end to end; seen by the offsets the consumers commit every few"
              + " seconds)%n",
          caughtUp, requests / caughtUp);
      if (repeatShare > 0) {
        System.out.printf(
            "  of them repeats (same petitioner, same matter, case open): %d, each linked to its"
                + " case as LINKED_TO_OPEN_CASE%n",
            linkedAtMaximum);
      }
      System.out.printf(
          "  POST latency at maximum   p50 %.1f  p95 %.1f  p99 %.1f ms%n",
          pct(postLatencies, 50), pct(postLatencies, 95), pct(postLatencies, 99));
      long[] e2e = endToEnd.stream().mapToLong(Long::longValue).toArray();
      System.out.printf("At a steady %.0f petitions/s:%n", steadyRate);
      System.out.printf(
          "  POST latency              p50 %.1f  p95 %.1f  p99 %.1f ms%n",
          pct(steadyPost, 50), pct(steadyPost, 95), pct(steadyPost, 99));
      System.out.printf(
          "  POST → decision recorded  p50 %.1f  p95 %.1f  p99 %.1f ms (%d of the %d new cases"
              + " seen)%n",
          pct(e2e, 50), pct(e2e, 95), pct(e2e, 99), e2e.length, postedAt.size());
      if (batch > 0) {
        System.out.printf(
            "Batched registration (%d per call, 2 calls at a time): %.0f petitions/s; every"
                + " service had applied their events after %.0f s (%.0f petitions/s end to end)%n",
            batch, batchRate, batchCaughtUp, requests / batchCaughtUp);
      }
      System.out.printf(
          "Raw PostgreSQL inserts (1 row per transaction): %.0f/s → intake is %.2f of it%s%n",
          pgRate,
          intakeRate / pgRate,
          batch > 0 ? String.format(", batched %.2f", batchRate / pgRate) : "");
      System.out.println(
          "Resident memory, most seen while registering at the maximum and in batches: "
              + memory.report());
      System.out.printf(
          "Raw Kafka produce (acks=all, one at a time per thread): %.0f/s → intake is %.2f of it%n",
          kafkaRate, intakeRate / kafkaRate);
    }
  }

  /**
   * Fills the node's intake with {@code cases} earlier cases (the search bench's fill: cases,
   * steps, word index) and a petitioner for each with the digests repeat detection looks up, none
   * of them a petitioner the bench posts.
   */
  private static void fill(Platform platform, int cases) throws Exception {
    var postgres = platform.infrastructure().postgres();
    try (Connection db =
        DriverManager.getConnection(
            postgres.jdbcUrl("petition_53"), PostgresServer.USER, PostgresServer.PASSWORD)) {
      SearchBench.fill(
          db, cases, platform.infrastructure().fieldKeyConfig().get("petition.crypto.field-key"));
      long start = System.nanoTime();
      String petitioners =
          SearchBench.insert(
              db,
              "petitioner",
              Map.of(
                  "case_id", "md5('c' || i)::uuid",
                  "position", "0",
                  "name", "'BENCH'",
                  "id_number_digest", "md5('i' || i)",
                  "phone_digest", "md5('p' || i)",
                  "name_address_digest", "md5('n' || i)",
                  "name_digest", "md5('m' || i)"));
      try (Statement sql = db.createStatement()) {
        for (int from = 1; from <= cases; from += 1_000_000) {
          int to = Math.min(cases, from + 999_999);
          sql.execute(
              petitioners
                  + " FROM generate_series(%d, %d) AS i WHERE EXISTS (SELECT 1 FROM petition_case c WHERE c.id = md5('c' || i)::uuid)"
                      .formatted(from, to));
        }
        sql.execute("VACUUM (ANALYZE)");
        // the fill's pages written out now, not by a checkpoint in the middle of the timing (a
        // 1 million fill's stalled commits for seconds)
        sql.execute("CHECKPOINT");
      }
      System.out.printf(
          "petitioners filled and the database vacuumed in %.0f s%n",
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Waits until every consumer of the node has applied every event on its topics (no lag, and no
   * new event, over 2 seconds), so that the next measurement does not share the cores with what the
   * last one left; the connector commits its offsets every few seconds, so this is seen up to that
   * late.
   *
   * @param since seconds from the start of what is waited for to now
   * @return seconds from that start until caught up
   */
  private static double caughtUp(String bootstrap, double since) throws Exception {
    long start = System.nanoTime();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      long deadline = start + Duration.ofMinutes(5).toNanos();
      Map<TopicPartition, Long> lastEnds = Map.of();
      while (true) {
        long lag = 0;
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
          if (!group.groupId().startsWith("53.")) {
            continue; // the node's groups are named region.service
          }
          Map<TopicPartition, OffsetAndMetadata> committed =
              admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
          Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
          committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
          var offsets = admin.listOffsets(latest).all().get();
          for (var entry : committed.entrySet()) {
            long end = offsets.get(entry.getKey()).offset();
            ends.put(entry.getKey(), end);
            lag += entry.getValue() == null ? end : end - entry.getValue().offset();
          }
        }
        if (lag == 0 && ends.equals(lastEnds)) {
          return since + (System.nanoTime() - start) / 1e9 - 2;
        }
        if (System.nanoTime() > deadline) {
          System.out.println(
              "The node's consumers were still " + lag + " events behind after 5 min");
          return since + (System.nanoTime() - start) / 1e9;
        }
        lastEnds = lag == 0 ? ends : Map.of();
        Thread.sleep(2000);
      }
    }
  }

  /**
   * Registers {@code count} new petitions in calls of {@code size}, two calls at a time, and
   * returns petitions per second; each call must register every petition it carried.
   */
  private static double batched(String gateway, String token, int count, int size)
      throws Exception {
    int calls = (count + size - 1) / size;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    double callRate =
        closedLoop(
            calls,
            2,
            claims -> {
              for (int c = claims.next(); c >= 0; c = claims.next()) {
                int from = c * size;
                int to = Math.min(count, from + size);
                StringBuilder body = new StringBuilder("{\"petitions\":[");
                for (int i = from; i < to; i++) {
                  body.append(i > from ? "," : "").append(petition(i, Identities.nextSerial()));
                }
                body.append("]}");
                HttpResponse<String> response =
                    http.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/api/intake/cases/batch"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200
                    || JSON.readTree(response.body()).path("registered").asInt() != to - from) {
                  throw new IllegalStateException(
                      "a batch was not registered whole: "
                          + response.statusCode()
                          + " "
                          + response.body().substring(0, Math.min(500, response.body().length())));
                }
              }
            });
    return callRate * count / calls;
  }

  /**
   * The most resident memory (VmRSS) each service's process had while sampled, every 200 ms between
   * {@link #start} and {@link #stop}.
   */
  static final class ResidentMemory {
    private final Platform.Node node;
    private final Map<String, Long> most = new java.util.TreeMap<>();
    private volatile Thread sampler;

    ResidentMemory(Platform.Node node) {
      this.node = node;
    }

    void start() {
      Thread thread =
          new Thread(
              () -> {
                while (sampler == Thread.currentThread()) {
                  for (String module : Platform.Node.modules()) {
                    long kb;
                    try {
                      kb = rssKb(node.pid(module));
                    } catch (RuntimeException stopped) {
                      continue; // the node is closing (the bench failed)
                    }
                    synchronized (most) {
                      most.merge(module, kb, Math::max);
                    }
                  }
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "resident-memory");
      sampler = thread;
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      Thread thread = sampler;
      sampler = null;
      thread.join();
    }

    private static long rssKb(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (java.io.IOException e) {
        // not Linux, or the process is gone: nothing to report
      }
      return 0;
    }

    String report() {
      synchronized (most) {
        StringBuilder out = new StringBuilder();
        most.forEach((module, kb) -> out.append(String.format("%s %d MB  ", module, kb >> 10)));
        return out.toString().trim();
      }
    }
  }

  interface Sample {
    void record(int index, String caseId, long began, long ended);
  }

  /** Closed loop: {@code concurrency} threads, each posting its next petition when one returns. */
  private static void post(String gateway, String token, int count, int concurrency, Sample sample)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    closedLoop(
        count,
        concurrency,
        claims -> {
          for (int i = claims.next(); i >= 0; i = claims.next()) {
            long began = System.nanoTime();
            String caseId = register(http, gateway, token, i);
            if (sample != null) {
              sample.record(i, caseId, began, System.nanoTime());
            }
          }
        });
  }

  /** Hands out request numbers 0..count-1 to the worker threads; -1 when all are taken. */
  interface Claims {
    int next();
  }

  interface Worker {
    void run(Claims claims) throws Exception;
  }

  /**
   * Runs {@code concurrency} threads that share {@code count} numbered requests (each thread does
   * its own set-up, such as a connection) and returns the rate in requests per second.
   */
  private static double closedLoop(int count, int concurrency, Worker worker) throws Exception {
    AtomicInteger next = new AtomicInteger();
    Claims claims =
        () -> {
          int i = next.getAndIncrement();
          return i < count ? i : -1;
        };
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < concurrency; t++) {
      workers.add(
          pool.submit(
              () -> {
                worker.run(claims);
                return null;
              }));
    }
    awaitAll(workers, pool);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * Open loop: request i is due at start + i/rate, whatever the earlier ones did, and its latency
   * counts from when it was due (no coordinated omission).
   */
  private static void paced(String gateway, String token, int count, double rate, Sample sample)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    List<Future<?>> sent = new ArrayList<>();
    long start = System.nanoTime();
    for (int n = 0; n < count; n++) {
      final int i = n;
      long due = start + (long) (i * 1e9 / rate);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      sent.add(
          pool.submit(
              () -> {
                String caseId = register(http, gateway, token, i);
                sample.record(i, caseId, due, System.nanoTime());
                return null;
              }));
    }
    awaitAll(sent, pool);
  }

  /** {@code --repeats}: the share of the measured petitions that repeat a warm-up petition. */
  private static double repeatShare;

  /** How many petitions the warm-up posted: the cases a repeat goes back to. */
  private static int warmUp;

  /** Whether the warm-up is over (its petitions are the ones repeated). */
  private static volatile boolean measuring;

  /** The petitioner's serial of each warm-up petition, by its index. */
  private static final Map<Integer, Integer> WARM_SERIALS = new ConcurrentHashMap<>();

  /** Repeats posted and linked to their open case. */
  private static final AtomicInteger linked = new AtomicInteger();

  /**
   * Whether measured petition {@code i} repeats a warm-up petition: spread evenly, {@code
   * repeatShare} of them.
   */
  private static boolean repeats(int i) {
    return measuring
        && repeatShare > 0
        && Math.floor((i + 1) * repeatShare) > Math.floor(i * repeatShare);
  }

  /**
   * Posts petition {@code i} through the gateway and returns the new case's id; a repeat must be
   * linked to the warm-up's open case (200, LINKED_TO_OPEN_CASE), and gives null.
   */
  private static String register(HttpClient http, String gateway, String token, int i)
      throws Exception {
    boolean repeat = repeats(i);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway + "/api/intake/cases"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(repeat ? again(i % warmUp) : petition(i)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    var answer = response.statusCode() < 300 ? JSON.readTree(response.body()) : null;
    if (repeat) {
      if (response.statusCode() != 200
          || !"LINKED_TO_OPEN_CASE".equals(answer.path("outcome").asText())) {
        throw new IllegalStateException(
            "a repeat was not linked to its open case: "
                + response.statusCode()
                + " "
                + response.body());
      }
      linked.incrementAndGet();
      return null;
    }
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST refused: " + response.statusCode() + " " + response.body());
    }
    return answer.path("petitionCase").path("id").asText();
  }

  private static void awaitAll(List<Future<?>> tasks, ExecutorService pool) throws Exception {
    for (Future<?> task : tasks) {
      task.get();
    }
    pool.shutdown();
  }

  private static final String[] TOWNSHIPS = {
    "530302001", "530302002", "530302003", "530302004", "530303001", "530381001"
  };

  /** The transition that records routing's decision on the case. */
  private static final java.util.regex.Pattern ROUTED =
      java.util.regex.Pattern.compile("\"transition\":\"(FORWARDED|ASSIGNED)\"");

  private static final String[] CATEGORIES = {"0105", "0201", "0401", "0303", "0502", "0702"};

  private static String petition(int i) throws Exception {
    // a new petitioner each time: the warm-up and the measurement post the same indexes, and the
    // same ID number again is a repeat petition (LINKED_TO_OPEN_CASE), not a new case
    int serial = Identities.nextSerial();
    if (!measuring) {
      WARM_SERIALS.put(i, serial);
    }
    return petition(i, serial);
  }

  /** Warm-up petition {@code w} again: its petitioner, about its matter, in the same words. */
  private static String again(int w) throws Exception {
    return petition(w, WARM_SERIALS.get(w));
  }

  private static String petition(int i, int serial) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "channel",
            i % 3 == 0 ? "VISIT" : "ONLINE",
            "receivedOn",
            LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
            "matterRegionCode",
            TOWNSHIPS[i % TOWNSHIPS.length],
            "petitionClass",
            "APPEAL",
            "purpose",
            "SEEK_SOLUTION",
            "category",
            CATEGORIES[i % CATEGORIES.length],
            "content",
            "反映事项第" + i + "件：小区物业服务不到位，公共设施长期损坏无人维修，多次向社区和物业反映未解决，请求有关部门督促整改并答复。",
            "personCount",
            i % 20 == 0 ? 6 : 1,
            "petitioners",
            List.of(
                Map.of(
                    "name",
                    "测试" + serial,
                    "idNumber",
                    Identities.residentId("530302", serial),
                    "phone",
                    Identities.mobile(serial)))));
  }

  private static double rawPostgres(Platform platform, int count, int concurrency)
      throws Exception {
    PostgresServer postgres = platform.infrastructure().postgres();
    postgres.ensureDatabase("bench_raw");
    String url = postgres.jdbcUrl("bench_raw");
    try (Connection c =
        DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
      c.createStatement().execute("DROP TABLE IF EXISTS raw_insert");
      c.createStatement()
          .execute(
              "CREATE TABLE raw_insert (id BIGSERIAL PRIMARY KEY, region TEXT, category TEXT, content TEXT, created_at TIMESTAMPTZ DEFAULT now())");
    }
    return closedLoop(
        count,
        concurrency,
        claims -> {
          try (Connection c =
                  DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
              PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO raw_insert (region, category, content) VALUES (?, ?, ?)")) {
            for (int i = claims.next(); i >= 0; i = claims.next()) {
              insert.setString(1, TOWNSHIPS[i % TOWNSHIPS.length]);
              insert.setString(2, CATEGORIES[i % CATEGORIES.length]);
              insert.setString(3, petition(i));
              insert.executeUpdate();
            }
          }
        });
  }

  private static double rawKafka(String bootstrap, int count, int concurrency) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>("bench-raw", "warm", "up")).get();
      return closedLoop(
          count,
          concurrency,
          claims -> {
            for (int i = claims.next(); i >= 0; i = claims.next()) {
              producer.send(new ProducerRecord<>("bench-raw", "k" + i, petition(i))).get();
            }
          });
    }
  }

  static double pct(long[] nanos, int percentile) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /**
   * Watches the lifecycle topic for the FORWARDED case.progressed and notes when each case's
   * arrived.
   */
  static final class AssignedWatcher {
    private final String bootstrap;
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile boolean assigned;

    AssignedWatcher(String bootstrap) {
      this.bootstrap = bootstrap;
      this.thread = new Thread(this::watch, "assigned-watcher");
      // a bench that failed must end, not keep polling a broker that has gone
      this.thread.setDaemon(true);
    }

    void start() throws InterruptedException {
      thread.start();
      while (!assigned) {
        Thread.sleep(50);
      }
    }

    private void watch() {
      Map<String, Object> config =
          Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
              bootstrap,
              ConsumerConfig.GROUP_ID_CONFIG,
              "bench-" + System.nanoTime(),
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
              "latest",
              ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
              StringDeserializer.class,
              ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
              StringDeserializer.class);
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
        consumer.subscribe(List.of("petition.case-events"));
        while (running.get()) {
          var records = consumer.poll(Duration.ofMillis(20));
          if (!consumer.assignment().isEmpty()) {
            assigned = true;
          }
          long now = System.nanoTime();
          for (var record : records) {
            var type = record.headers().lastHeader("ce_type");
            if (type != null
                && new String(type.value(), StandardCharsets.UTF_8)
                    .equals("cn.gov.petition.case.progressed")
                && ROUTED.matcher(record.value()).find()) {
              seenAt.putIfAbsent(record.key(), now);
            }
          }
        }
      }
    }

    List<Long> awaitAll(Map<String, Long> postedAt, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline && !seenAt.keySet().containsAll(postedAt.keySet())) {
        Thread.sleep(100);
      }
      List<Long> latencies = new ArrayList<>();
      postedAt.forEach(
          (id, began) -> {
            Long seen = seenAt.get(id);
            if (seen != null) {
              latencies.add(seen - began);
            }
          });
      return latencies;
    }

    /**
     * Waits until no FORWARDED case.progressed has arrived for two seconds: the pipeline has
     * drained.
     */
    void awaitQuiet(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      int last = -1;
      while (System.nanoTime() < deadline && seenAt.size() != last) {
        last = seenAt.size();
        Thread.sleep(2000);
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}
