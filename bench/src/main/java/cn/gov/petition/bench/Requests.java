package cn.gov.petition.bench;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.infra.PostgresServer;
import cn.gov.petition.local.DemoData;
import cn.gov.petition.local.Platform;
import cn.gov.petition.testing.Machine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the read benchmarks (dashboards, statistics) share: a node of 云南省 filled straight in its
 * database, a caller at each level, questions timed through the gateway, and 云南省's units.
 */
final class Requests {

  private Requests() {}

  /**
   * Writes {@code cases} into the node's database; {@code fieldKey} is the node's key of sealed
   * columns (ADR 8), for a fill that writes them as the node would.
   */
  interface Fill {
    void fill(Connection db, int cases, String fieldKey) throws Exception;
  }

  /** Times the questions, with a token for each region (53, 5303, 530302, 530302001). */
  interface Questions {
    void ask(HttpClient http, String gateway, Map<String, String> tokens, int requests)
        throws Exception;
  }

  /**
   * Parses {@code --cases} (10,000,000), {@code --requests} (200), {@code --rounds}, {@code --keep}
   * and {@code --only}, starts a node of 云南省 in a temporary folder, fills its database, asks the
   * questions, and removes the folder.
   */
  static void onYunnanNode(String[] args, String name, Fill fill, Questions questions)
      throws Exception {
    int cases = 10_000_000;
    int requests = 200;
    int rounds = 1;
    Path keep = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cases" -> cases = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--keep" -> keep = Path.of(args[++i]).toAbsolutePath();
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root =
        Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath().normalize();
    // --keep DIR: the node's data (and keys) stay in DIR, filled once; a later run with the same
    // DIR and --cases asks its questions of the same cases (a code change is measured in minutes,
    // not after another hour's fill)
    Path run =
        keep == null
            ? Files.createTempDirectory("petition-bench-" + name + "-")
            : Files.createDirectories(keep);
    Path filled = run.resolve("filled-" + name + "-" + cases);
    // the node's PostgreSQL as a node of millions of cases is given it (docs/capacity.md)
    String buffers = System.getProperty(PostgresServer.SHARED_BUFFERS, "2GB");
    System.setProperty(PostgresServer.SHARED_BUFFERS, buffers);
    System.out.printf(
        "machine: %s; node, PostgreSQL (shared_buffers %s), Kafka and the bench share them%n",
        Machine.describe(), buffers);
    try (Platform platform = Platform.start(root, run, "53", 0)) {
      var postgres = platform.infrastructure().postgres();
      try (Connection db =
          DriverManager.getConnection(
              postgres.jdbcUrl("petition_53"), PostgresServer.USER, PostgresServer.PASSWORD)) {
        if (Files.exists(filled)) {
          System.out.printf("kept: %s holds the %d cases of an earlier fill%n", run, cases);
        } else {
          fill.fill(
              db,
              cases,
              platform.infrastructure().fieldKeyConfig().get("petition.crypto.field-key"));
          // as autovacuum leaves the tables in time (statistics, visibility map), before the
          // timing rather than during it
          long start = System.nanoTime();
          try (Statement sql = db.createStatement()) {
            sql.execute("VACUUM (ANALYZE)");
          }
          System.out.printf("vacuumed in %.0f s%n", (System.nanoTime() - start) / 1e9);
          if (keep != null) {
            Files.writeString(filled, java.time.Instant.now().toString());
          }
        }
      }
      HttpClient http = HttpClient.newHttpClient();
      String gateway = platform.gatewayUrl();
      Map<String, String> tokens =
          Map.of(
              "53", DemoData.token(http, gateway, "yunnan-office"),
              "5303", DemoData.token(http, gateway, "qujing-office"),
              "530302", DemoData.token(http, gateway, "qilin-supervisor"),
              "530302001", DemoData.token(http, gateway, "nanning-supervisor"));
      for (int round = 1; round <= rounds; round++) {
        System.out.printf("round %d of %d%n", round, rounds);
        questions.ask(http, gateway, tokens, requests);
      }
    } finally {
      if (keep == null) {
        try (var files = Files.walk(run.resolve("infra"))) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /**
   * {@code --only TEXT}: only the questions whose caller and name ("530302 words: 供暖") hold it
   * (all: empty).
   */
  private static String only = "";

  /**
   * Asks each question ({name, path template}) at each level, as the level's caller, and prints
   * p50/p95/p99; {@code path} makes a question's path for a level.
   */
  static void askAtEachLevel(
      HttpClient http,
      String gateway,
      Map<String, String> tokens,
      int requests,
      List<String[]> questions,
      java.util.function.BiFunction<String, String[], String> path)
      throws Exception {
    System.out.printf(
        "%-12s %-28s %8s %8s %8s%n", "caller", "question", "p50 ms", "p95 ms", "p99 ms");
    for (String level : List.of("53", "5303", "530302", "530302001")) {
      for (String[] question : questions) {
        if (!(level + " " + question[0]).contains(only)) {
          continue;
        }
        double[] times =
            time(http, gateway + path.apply(level, question), tokens.get(level), requests);
        System.out.printf(
            "%-12s %-28s %8.1f %8.1f %8.1f%n",
            level,
            question[0],
            percentile(times, 50),
            percentile(times, 95),
            percentile(times, 99));
      }
    }
  }

  /** Asks {@code url} 20 times to warm up, then {@code requests} times; the times in ms, sorted. */
  static double[] time(HttpClient http, String url, String token, int requests) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .build();
    for (int i = 0; i < 20; i++) {
      check(http.send(request, HttpResponse.BodyHandlers.discarding()), url);
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      check(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), url);
      times.add((System.nanoTime() - start) / 1e6);
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  private static void check(HttpResponse<?> response, String url) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
  }

  static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /**
   * A temporary table {@code bench_unit (n, unit_code, region)} of the standard units of every
   * region of 云南省, numbered from 0; returns how many.
   */
  static int yunnanUnits(Connection db) throws Exception {
    DivisionTable divisions = DivisionTable.national();
    Units units = Units.standard(divisions);
    try (Statement sql = db.createStatement()) {
      sql.execute("CREATE TEMP TABLE bench_unit (n INT PRIMARY KEY, unit_code TEXT, region TEXT)");
    }
    int n = 0;
    try (PreparedStatement unit = db.prepareStatement("INSERT INTO bench_unit VALUES (?, ?, ?)")) {
      for (Division division : divisions.all()) {
        if (!division.code().startsWith("53")) {
          continue;
        }
        for (Units.Unit u : units.of(division.code())) {
          unit.setInt(1, n++);
          unit.setString(2, u.code());
          unit.setString(3, u.regionCode());
          unit.addBatch();
        }
      }
      unit.executeBatch();
    }
    return n;
  }
}
