package cn.gov.petition.bench;

import cn.gov.petition.infra.PostgresServer;
import cn.gov.petition.local.DemoData;
import cn.gov.petition.local.FormerCases;
import cn.gov.petition.local.ImportCommand;
import cn.gov.petition.local.Platform;
import cn.gov.petition.testing.Machine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;

/**
 * Importing an office's history (docs/migration.md): {@code bench/run import [--cases 20000]}
 * generates former cases over the real townships of 曲靖市 for five years ({@code FormerCases}),
 * imports them through the command line's import into a fresh node, and reports the rate end to end
 * (every case in, and counted by analytics in its month) as a ratio to PostgreSQL's own bulk load
 * (COPY) of the same records in the same run, and the latency of reading a case through the gateway
 * meanwhile.
 */
public final class ImportBench {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REGION = "5303";

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int count = 20_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cases" -> count = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    LocalDate from = today.minusYears(5);
    LocalDate to = today.minusDays(1);
    Path root = Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath();
    Path run = Files.createTempDirectory("petition-bench-");
    Path file = run.resolve("former-cases.jsonl");
    System.out.println("Generating " + count + " former cases of " + REGION + " ...");
    List<String> lines = new ArrayList<>(count);
    for (Map<String, Object> c :
        new FormerCases(REGION, "BENCH", today, 1).between(from, to, count)) {
      lines.add(JSON.writeValueAsString(c));
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        out.write(line);
        out.write('\n');
      }
    }
    System.out.println("Starting a fresh node in " + run + " ...");
    try (Platform platform =
        Platform.start(root, run, List.of("53"), 0, PostgresServer.Durability.DURABLE, Map.of())) {
      String gateway = platform.gatewayUrl();
      HttpClient http = HttpClient.newHttpClient();
      String admin = DemoData.token(http, gateway, "yunnan-admin");
      String reader = DemoData.token(http, gateway, "yunnan-office");

      // warm-up, and a case of another city to read while the history comes in
      System.out.println("Warming up (200 cases of 昆明市) ...");
      Path warm = run.resolve("warm-up.jsonl");
      StringBuilder warmLines = new StringBuilder();
      for (Map<String, Object> c :
          new FormerCases("5301", "WARM", today, 2).between(from, to, 200)) {
        warmLines.append(JSON.writeValueAsString(c)).append('\n');
      }
      Files.writeString(warm, warmLines);
      PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
      JsonNode warmed = new ImportCommand(gateway, admin, quiet, false).importFile(warm);
      String readCase = firstCase(http, gateway, admin, warmed.path("id").asText());

      System.out.println("Importing " + count + " cases ...");
      List<Long> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
      AtomicBoolean importing = new AtomicBoolean(true);
      Thread readerThread =
          new Thread(
              () -> {
                while (importing.get()) {
                  long began = System.nanoTime();
                  if (status(http, gateway + "/api/intake/cases/" + readCase, reader) == 200) {
                    reads.add(System.nanoTime() - began);
                  }
                  sleep(200);
                }
              });
      DatabaseWork before = DatabaseWork.of(platform, "petition_53");
      long start = System.nanoTime();
      readerThread.start();
      JsonNode done = new ImportCommand(gateway, admin, System.out, true).importFile(file);
      double imported = (System.nanoTime() - start) / 1e9;
      importing.set(false);
      readerThread.join();
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (counted(http, gateway, reader, from, to) < done.path("imported").asLong()
          && System.nanoTime() < deadline) {
        sleep(500);
      }
      double counted = (System.nanoTime() - start) / 1e9;
      long inStatistics = counted(http, gateway, reader, from, to);
      DatabaseWork work = DatabaseWork.of(platform, "petition_53").minus(before);
      double copy = copyRate(platform, lines);

      long[] readNanos = reads.stream().mapToLong(Long::longValue).toArray();
      System.out.printf(
          "%nmachine: %s; node, PostgreSQL, Kafka and the bench share them%n", Machine.describe());
      System.out.printf(
          "Imported %d of %d cases (%d refused) in %.1f s: %.1f cases/s%n",
          done.path("imported").asLong(),
          count,
          done.path("failed").asLong() + done.path("invalid").asLong(),
          imported,
          done.path("imported").asLong() / imported);
      System.out.printf(
          "End to end (imported and counted by analytics, %d counted): %.1f s, %.1f cases/s%n",
          inStatistics, counted, inStatistics / counted);
      System.out.printf(
          "PostgreSQL COPY of the same records: %.0f records/s → the import is %.4f of it%n",
          copy, inStatistics / counted / copy);
      System.out.printf(
          "Reading a case through the gateway meanwhile: p50 %.1f  p95 %.1f  p99 %.1f ms (%d reads)%n",
          IntakeBench.pct(readNanos, 50),
          IntakeBench.pct(readNanos, 95),
          IntakeBench.pct(readNanos, 99),
          readNanos.length);
      System.out.println();
      work.print(System.out, Math.max(1, done.path("imported").asLong()));
    }
  }

  /** The first case a job brought in. */
  private static String firstCase(HttpClient http, String gateway, String token, String job)
      throws Exception {
    HttpResponse<String> report =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(gateway + "/api/intake/imports/" + job + "/report?all=true&size=1"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(report.body()).path("rows").get(0).path("caseId").asText();
  }

  /** The region's petitions counted by analytics over the period (a year per question). */
  private static long counted(
      HttpClient http, String gateway, String token, LocalDate from, LocalDate to) {
    long total = 0;
    for (LocalDate start = from; !start.isAfter(to); start = start.plusYears(1)) {
      LocalDate end = start.plusYears(1).minusDays(1);
      String url =
          gateway
              + "/api/analytics/statistics/volume?region="
              + REGION
              + "&from="
              + start
              + "&to="
              + (end.isAfter(to) ? to : end);
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        total += JSON.readTree(answer.body()).path("cases").asLong();
      } catch (Exception e) {
        return -1;
      }
    }
    return total;
  }

  /** PostgreSQL's own bulk load of the same records (one COPY), in records per second. */
  private static double copyRate(Platform platform, List<String> lines) throws Exception {
    PostgresServer postgres = platform.infrastructure().postgres();
    postgres.ensureDatabase("bench_raw");
    try (Connection c =
        DriverManager.getConnection(
            postgres.jdbcUrl("bench_raw"), PostgresServer.USER, PostgresServer.PASSWORD)) {
      c.createStatement().execute("DROP TABLE IF EXISTS raw_import");
      c.createStatement().execute("CREATE TABLE raw_import (record JSONB NOT NULL)");
      StringBuilder csv = new StringBuilder();
      for (String line : lines) {
        csv.append('"').append(line.replace("\"", "\"\"")).append("\"\n");
      }
      long start = System.nanoTime();
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY raw_import (record) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
      return lines.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static int status(HttpClient http, String url, String token) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
