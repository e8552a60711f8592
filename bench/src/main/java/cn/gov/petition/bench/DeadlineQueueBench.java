package cn.gov.petition.bench;

import cn.gov.petition.infra.PostgresServer;
import cn.gov.petition.testing.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The deadline watch's due-time queue (issue 5: the work per minute follows how many deadlines fall
 * due, not how many cases are open): a real PostgreSQL holding {@code --open} open clocks (the
 * supervision schema, migrated from the service's own scripts), of which {@code --due} have come
 * due today. Times the watch's own query and its marking of every due clock, batch by batch as the
 * watch does, at a small and at the full size; and, for comparison, a scan of every open clock.
 *
 * <p>Run: {@code bench/run deadlines [--open 10000000] [--due 1000]}.
 */
public final class DeadlineQueueBench {

  /**
   * The deadline watch's query, as supervision-service's ClockRepository.DUE_FOR_CHECK states it
   * (the bench reads the database as an outside tool does, not through the service's classes):
   * change both together.
   */
  static final String DUE_FOR_CHECK =
      "SELECT * FROM statutory_clock WHERE next_check_on <= ?"
          + " ORDER BY next_check_on, id LIMIT ? FOR UPDATE SKIP LOCKED";

  private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
  private static final int BATCH = 500;

  private DeadlineQueueBench() {}

  public static void main(String[] args) throws Exception {
    int open = 10_000_000;
    int due = 1_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--open" -> open = Integer.parseInt(args[++i]);
        case "--due" -> due = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path root =
        Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath().normalize();
    Path run = Files.createTempDirectory("petition-bench-deadlines-");
    System.out.printf("machine: %s; PostgreSQL and the bench share them%n", Machine.describe());
    try (PostgresServer postgres =
        PostgresServer.start(run.resolve("postgres"), 0, PostgresServer.Durability.DURABLE)) {
      postgres.ensureDatabase("bench");
      try (Connection db =
          DriverManager.getConnection(
              postgres.jdbcUrl("bench"), PostgresServer.USER, PostgresServer.PASSWORD)) {
        migrate(db, root.resolve("supervision-service/src/main/resources/db/migration"));
        int dueToday = due;
        for (int size : new int[] {Math.min(100_000, open), open}) {
          fill(db, size, dueToday);
          double sweep = median(() -> sweep(db, dueToday));
          double scan = median(() -> scan(db));
          System.out.printf(
              "open clocks %,d, due today %,d: watch marks them all in %.1f ms (median of 5);"
                  + " a scan of every open clock takes %.1f ms%n",
              size, dueToday, sweep, scan);
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(run)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void migrate(Connection db, Path migrations) throws Exception {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(migrations)) {
      scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    try (Statement statement = db.createStatement()) {
      for (Path script : scripts) {
        statement.execute(Files.readString(script));
      }
    }
  }

  /** {@code size} open clocks, {@code due} of them due for a check today, the rest later. */
  private static void fill(Connection db, int size, int due) throws Exception {
    long start = System.nanoTime();
    try (Statement statement = db.createStatement()) {
      statement.execute("TRUNCATE statutory_clock RESTART IDENTITY");
      statement.execute(
          """
          INSERT INTO statutory_clock (case_id, case_number, step, unit_code, unit_region_code,
              started_on, due_on, status, opened_at, petitioner_window, stage, next_check_on)
          SELECT gen_random_uuid(), '530302-20261201-' || i, 'HANDLE', '530302:rsj', '530302',
              DATE '%1$s', DATE '%1$s' + 4 + (i %% 90), 'OPEN', now(), false, 'RUNNING',
              CASE WHEN i <= %2$d THEN DATE '%1$s' ELSE DATE '%1$s' + 1 + (i %% 90) END
          FROM generate_series(1, %3$d) AS i"""
              .formatted(TODAY, due, size));
      statement.execute("ANALYZE statutory_clock");
    }
    System.out.printf(
        "  (%,d clocks written in %.0f s)%n", size, (System.nanoTime() - start) / 1e9);
  }

  /** The watch's pass: lock a batch of due clocks, mark them, commit; until none is left. */
  private static void sweep(Connection db, int due) throws Exception {
    try (Statement statement = db.createStatement()) {
      statement.execute(
          "UPDATE statutory_clock SET next_check_on = DATE '" + TODAY + "' WHERE id <= " + due);
    }
    String query = DUE_FOR_CHECK;
    db.setAutoCommit(false);
    int marked = 0;
    try (PreparedStatement select = db.prepareStatement(query);
        PreparedStatement mark =
            db.prepareStatement(
                "UPDATE statutory_clock SET stage = 'WARNED', warned_days = 3,"
                    + " next_check_on = due_on - 1 WHERE id = ?")) {
      while (true) {
        select.setDate(1, Date.valueOf(TODAY));
        select.setInt(2, BATCH);
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getLong("id"));
          }
        }
        for (long id : ids) {
          mark.setLong(1, id);
          mark.addBatch();
        }
        mark.executeBatch();
        db.commit();
        marked += ids.size();
        if (ids.size() < BATCH) {
          break;
        }
      }
    } finally {
      db.setAutoCommit(true);
    }
    if (marked != due) {
      throw new IllegalStateException("the watch marked " + marked + " clocks, not " + due);
    }
  }

  /** What a watch without the queue would do: look at every open clock's due date. */
  private static void scan(Connection db) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM statutory_clock WHERE status = 'OPEN'"
                    + " AND due_on - 3 <= DATE '"
                    + TODAY
                    + "'")) {
      rows.next();
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static double median(Step step) throws Exception {
    step.run(); // warm-up
    double[] times = new double[5];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      step.run();
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[2];
  }
}
