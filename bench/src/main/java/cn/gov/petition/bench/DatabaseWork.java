package cn.gov.petition.bench;

import cn.gov.petition.infra.PostgresServer;
import cn.gov.petition.local.Platform;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a database did, from PostgreSQL's own counters (pg_stat_user_tables, pg_stat_database): rows
 * inserted, updated and deleted, and scans, per table, and transactions committed. Two snapshots
 * subtracted give the work of what ran between them, which a bench divides by what it did (per
 * case, per registration) to show where the cost goes.
 */
record DatabaseWork(long commits, Map<String, long[]> tables) {

  private static final String[] COLUMNS = {"inserted", "updated", "deleted", "seq", "idx"};

  /** The counters now (PostgreSQL reports them within its stats interval, ~0.5 s). */
  static DatabaseWork of(Platform platform, String database) throws SQLException {
    PostgresServer postgres = platform.infrastructure().postgres();
    try (Connection c =
        DriverManager.getConnection(
            postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
      c.createStatement().execute("SELECT pg_stat_clear_snapshot()");
      long commits;
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
        r.next();
        commits = r.getLong(1);
      }
      Map<String, long[]> tables = new LinkedHashMap<>();
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del,"
                      + " coalesce(seq_scan, 0), coalesce(idx_scan, 0) FROM pg_stat_user_tables")) {
        while (r.next()) {
          tables.put(
              r.getString(1),
              new long[] {r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)});
        }
      }
      return new DatabaseWork(commits, tables);
    }
  }

  /** The work done since {@code earlier}. */
  DatabaseWork minus(DatabaseWork earlier) {
    Map<String, long[]> diff = new LinkedHashMap<>();
    tables.forEach(
        (table, now) -> {
          long[] then = earlier.tables.getOrDefault(table, new long[COLUMNS.length]);
          long[] d = new long[COLUMNS.length];
          for (int i = 0; i < d.length; i++) {
            d[i] = now[i] - then[i];
          }
          diff.put(table, d);
        });
    return new DatabaseWork(commits - earlier.commits, diff);
  }

  /** The work per unit (per case, per registration), the busiest tables first. */
  void print(PrintStream out, long units) {
    out.printf(
        "Database work per case (%d cases): %.1f commits%n", units, commits / (double) units);
    out.printf(
        "  %-40s %9s %9s %9s %9s %9s%n", "table", "inserted", "updated", "deleted", "seq", "idx");
    List<Map.Entry<String, long[]>> busiest = new ArrayList<>(tables.entrySet());
    busiest.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -sum(e.getValue())));
    long[] total = new long[COLUMNS.length];
    for (Map.Entry<String, long[]> e : busiest) {
      long[] d = e.getValue();
      for (int i = 0; i < d.length; i++) {
        total[i] += d[i];
      }
      if (sum(d) == 0) {
        continue;
      }
      out.printf(
          "  %-40s %9.1f %9.1f %9.1f %9.1f %9.1f%n",
          e.getKey(),
          d[0] / (double) units,
          d[1] / (double) units,
          d[2] / (double) units,
          d[3] / (double) units,
          d[4] / (double) units);
    }
    out.printf(
        "  %-40s %9.1f %9.1f %9.1f %9.1f %9.1f%n",
        "all tables",
        total[0] / (double) units,
        total[1] / (double) units,
        total[2] / (double) units,
        total[3] / (double) units,
        total[4] / (double) units);
  }

  private static long sum(long[] d) {
    long s = 0;
    for (long v : d) {
      s += v;
    }
    return s;
  }
}
