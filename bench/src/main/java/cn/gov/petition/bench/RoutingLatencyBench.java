package cn.gov.petition.bench;

import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.contracts.RoutingRequested;
import cn.gov.petition.contracts.Topics;
import cn.gov.petition.infra.KafkaProbe;
import cn.gov.petition.local.Platform;
import cn.gov.petition.testing.Machine;
import cn.gov.petition.testing.RoutingRequests;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Routing latency (issue 4: p99 under 50 ms at 500 cases/s): routing requests written to a running
 * node's routing-requests topic at a steady rate (open loop), each timed from the moment it was due
 * to the moment its decision is read from the routing-decisions topic. The whole node runs (its
 * intake applies the decisions too), with PostgreSQL, Kafka and the load generator on the same
 * cores.
 *
 * <p>Run: {@code bench/run routing-latency [--rate 500] [--seconds 60] [--warmup 30]}.
 */
public final class RoutingLatencyBench {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RoutingLatencyBench() {}

  public static void main(String[] args) throws Exception {
    double rate = 500;
    int seconds = 60;
    int warmup = 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rate" -> rate = Double.parseDouble(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root =
        Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath().normalize();
    Path run = Files.createTempDirectory("petition-bench-routing-");
    System.out.printf(
        "machine: %s; node, PostgreSQL, Kafka and load generator share them%n", Machine.describe());
    List<RoutingRequested> requests =
        RoutingRequests.spread(DivisionTable.national(), 50_000, "53");
    try (Platform platform = Platform.start(root, run, "53", 0)) {
      String bootstrap = platform.infrastructure().kafka().bootstrapServers();
      // the services have just started: their code is still being compiled, their first
      // scheduled jobs not yet run
      System.out.printf("warm-up: %d s at the same rate%n", warmup);
      measure(bootstrap, requests, rate, warmup);
      Result result = measure(bootstrap, requests, rate, seconds);
      System.out.printf(
          "routing latency at %.0f requests/s for %d s (%d requests, %d decisions, %d missing):"
              + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
              + " of which request in → decided p50 %.1f ms, p99 %.1f ms%n",
          rate,
          seconds,
          result.sent,
          result.latencies.length,
          result.sent - result.latencies.length,
          percentile(result.latencies, 50),
          percentile(result.latencies, 95),
          percentile(result.latencies, 99),
          percentile(result.latencies, 100),
          percentile(result.inbound, 50),
          percentile(result.inbound, 99));
    } finally {
      // the services' logs stay in the run directory; the databases and Kafka data go
      try (var files = Files.walk(run.resolve("infra"))) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * @param latencies due → decision read, sorted
   * @param inbound due → decided (the decision's decidedAt): producer, broker, consumer, rule
   *     engine, sorted
   */
  private record Result(int sent, double[] latencies, double[] inbound) {}

  private static Result measure(
      String bootstrap, List<RoutingRequested> requests, double rate, int seconds)
      throws Exception {
    Map<String, Long> due = new ConcurrentHashMap<>();
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Double> inbound = java.util.Collections.synchronizedList(new ArrayList<>());
    // nanoTime of the epoch, to place the decision's wall-clock decidedAt on the nanoTime scale
    long epochNanos = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;
    AtomicBoolean reading = new AtomicBoolean(true);
    CountDownLatch assigned = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (KafkaConsumer<String, String> consumer =
                  new KafkaConsumer<>(
                      Map.of(
                          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                          bootstrap,
                          ConsumerConfig.GROUP_ID_CONFIG,
                          "bench-" + UUID.randomUUID(),
                          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                          "latest",
                          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                          StringDeserializer.class,
                          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                          StringDeserializer.class))) {
                consumer.subscribe(List.of(Topics.forNode(Topics.ROUTING_DECISIONS, "53")));
                while (consumer.assignment().isEmpty()) {
                  consumer.poll(Duration.ofMillis(100));
                }
                assigned.countDown();
                while (reading.get()) {
                  for (ConsumerRecord<String, String> record :
                      consumer.poll(Duration.ofMillis(20))) {
                    Long dueAt = due.remove(record.key());
                    if (dueAt != null) {
                      latencies.add((System.nanoTime() - dueAt) / 1e6);
                      inbound.add((decidedAt(record.value(), epochNanos) - dueAt) / 1e6);
                    }
                  }
                }
              }
            },
            "decision-reader");
    reader.start();
    assigned.await(60, TimeUnit.SECONDS);
    String topic = Topics.forNode(Topics.ROUTING_REQUESTS, "53");
    int total = (int) (rate * seconds);
    long interval = (long) (1e9 / rate);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                // as intake's outbox relay publishes the requests (OutboxRelay)
                ProducerConfig.LINGER_MS_CONFIG,
                2,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        long dueAt = start + i * interval;
        long wait = dueAt - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        RoutingRequested template = requests.get(i % requests.size());
        String caseId = UUID.randomUUID().toString();
        RoutingRequested request =
            new RoutingRequested(
                caseId,
                template.caseNumber(),
                template.channel(),
                template.petitionClass(),
                template.purpose(),
                template.matterRegionCode(),
                template.category(),
                template.registeringUnit(),
                template.personCount(),
                template.collective(),
                null,
                template.accused(),
                template.petitionerRegions());
        ProducerRecord<String, String> record =
            new ProducerRecord<>(topic, caseId, JSON.writeValueAsString(request));
        KafkaProbe.cloudEventHeaders(
                UUID.randomUUID().toString(),
                "cn.gov.petition.routing.requested",
                template.caseNumber())
            .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        due.put(caseId, dueAt);
        producer.send(record);
      }
    }
    long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!due.isEmpty() && System.nanoTime() < drain) {
      Thread.sleep(100);
    }
    reading.set(false);
    reader.join();
    return new Result(total, sorted(latencies), sorted(inbound));
  }

  private static double[] sorted(List<Double> values) {
    double[] sorted;
    synchronized (values) {
      sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    }
    Arrays.sort(sorted);
    return sorted;
  }

  /** The decision's decidedAt on the nanoTime scale. */
  private static long decidedAt(String decisionJson, long epochNanos) {
    try {
      Instant decided = Instant.parse(JSON.readTree(decisionJson).get("decidedAt").asText());
      return epochNanos + decided.getEpochSecond() * 1_000_000_000L + decided.getNano();
    } catch (Exception e) {
      throw new IllegalStateException("a decision without a readable decidedAt", e);
    }
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
