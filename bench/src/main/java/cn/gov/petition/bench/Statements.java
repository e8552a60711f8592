package cn.gov.petition.bench;

import cn.gov.petition.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL did for each registration (issue 32: "where each millisecond goes, per service
 * and per transaction"), from {@code pg_stat_statements}: its statements' calls, execution and
 * planning time, rows and WAL between {@link #start} and {@link #report}, divided by the
 * registrations of that interval, per service and per statement.
 *
 * <p>Every service connects to the same database as the same user, each with its own schema, so a
 * statement is told to its service by its tables (a table only one schema has); the outbox and
 * inbox tables every schema has are reported as shared.
 */
final class Statements {

  private static final Pattern TABLES =
      Pattern.compile("(?i)\\b(?:from|into|update|join)\\s+\"?([a-z_][a-z0-9_]*)\"?");

  private final String url;
  private long commitsBefore;

  /** Loads pg_stat_statements into the PostgreSQL a node started after this call will run. */
  static void enable() {
    System.setProperty(PostgresServer.STATEMENTS, "true");
  }

  Statements(String jdbcUrl) throws SQLException {
    this.url = jdbcUrl;
    try (Connection db = connect();
        Statement sql = db.createStatement()) {
      sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    properties.setProperty("ApplicationName", "bench");
    return DriverManager.getConnection(url, properties);
  }

  /** Forgets what was counted so far. */
  void start() throws SQLException {
    try (Connection db = connect();
        Statement sql = db.createStatement()) {
      sql.execute("SELECT pg_stat_statements_reset()");
      commitsBefore = commits(sql);
    }
  }

  private static long commits(Statement sql) throws SQLException {
    try (ResultSet row =
        sql.executeQuery(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
      row.next();
      return row.getLong(1);
    }
  }

  private record Row(
      String service,
      String query,
      long calls,
      double execMs,
      double planMs,
      long rows,
      long walBytes) {

    double ms() {
      return execMs + planMs;
    }
  }

  /**
   * Prints what PostgreSQL did per registration since {@link #start}, for {@code registrations}.
   */
  void report(int registrations) throws Exception {
    List<Row> rows = new ArrayList<>();
    long transactions;
    try (Connection db = connect();
        Statement sql = db.createStatement()) {
      // the statistics collector reports a backend's commits within a second or so
      Thread.sleep(1_500);
      transactions = commits(sql) - commitsBefore;
      Map<String, Set<String>> schemasOf = new HashMap<>();
      try (ResultSet tables =
          sql.executeQuery(
              "SELECT table_name, table_schema FROM information_schema.tables WHERE table_schema"
                  + " NOT IN ('pg_catalog', 'information_schema', 'public')")) {
        while (tables.next()) {
          schemasOf
              .computeIfAbsent(tables.getString(1), t -> new TreeSet<>())
              .add(tables.getString(2));
        }
      }
      try (ResultSet stats =
          sql.executeQuery(
              "SELECT s.queryid, s.query, s.calls, s.total_exec_time, s.total_plan_time, s.rows,"
                  + " s.wal_bytes FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid"
                  + " WHERE d.datname = current_database()")) {
        while (stats.next()) {
          // the columns a statement reads are left out: its tables and conditions say what it is
          String query =
              stats
                  .getString(2)
                  .replaceAll("\\s+", " ")
                  .replaceFirst("(?i)^select (?!count).{60,}? from ", "select … from ");
          if (query.contains("pg_stat_")) {
            continue; // the bench's own queries
          }
          rows.add(
              new Row(
                  serviceOf(query, schemasOf),
                  query,
                  stats.getLong(3),
                  stats.getDouble(4),
                  stats.getDouble(5),
                  stats.getLong(6),
                  stats.getLong(7)));
        }
      }
    }
    double n = registrations;
    System.out.printf(
        "%nPostgreSQL per registration (%d registrations with their routing, supervision and"
            + " statistics, and whatever else ran meanwhile; pg_stat_statements):%n",
        registrations);
    System.out.printf(
        "  transactions committed (every service, the bench's few included): %.1f%n",
        transactions / n);
    System.out.printf(
        "  %-26s %10s %9s %9s %8s%n", "service", "statements", "exec ms", "plan ms", "WAL kB");
    Map<String, List<Row>> byService = new TreeMap<>();
    rows.forEach(r -> byService.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r));
    double[] total = new double[4];
    byService.forEach(
        (service, list) -> {
          double calls = list.stream().mapToLong(Row::calls).sum() / n;
          double exec = list.stream().mapToDouble(Row::execMs).sum() / n;
          double plan = list.stream().mapToDouble(Row::planMs).sum() / n;
          double wal = list.stream().mapToLong(Row::walBytes).sum() / n / 1024;
          double[] line = {calls, exec, plan, wal};
          for (int i = 0; i < total.length; i++) {
            total[i] += line[i];
          }
          System.out.printf("  %-26s %10.1f %9.2f %9.2f %8.1f%n", service, calls, exec, plan, wal);
        });
    System.out.printf(
        "  %-26s %10.1f %9.2f %9.2f %8.1f%n", "all", total[0], total[1], total[2], total[3]);
    System.out.println("  the 25 statements that took most time, per registration:");
    System.out.printf("  %-20s %7s %7s %7s  %s%n", "service", "calls", "ms", "rows", "statement");
    rows.stream()
        .sorted(Comparator.comparingDouble(Row::ms).reversed())
        .limit(25)
        .forEach(
            r ->
                System.out.printf(
                    "  %-20s %7.2f %7.3f %7.2f  %s%n",
                    r.service(),
                    r.calls() / n,
                    r.ms() / n,
                    r.rows() / n,
                    r.query().length() > 140 ? r.query().substring(0, 140) + "…" : r.query()));
  }

  /**
   * The service of a statement, named as its schema: the one schema that has one of its tables;
   * else, for a table every service has (the outbox, the inbox), "shared (" its tables ")"; else (a
   * sequence, a setting, a transaction's end) "no table".
   */
  private static String serviceOf(String query, Map<String, Set<String>> schemasOf) {
    Set<String> shared = new TreeSet<>();
    Matcher table = TABLES.matcher(query);
    while (table.find()) {
      String name = table.group(1).toLowerCase();
      Set<String> schemas = schemasOf.get(name);
      if (schemas != null && schemas.size() == 1) {
        return schemas.iterator().next();
      }
      if (schemas != null) {
        shared.add(name);
      }
    }
    return shared.isEmpty() ? "no table" : "shared (" + String.join(", ", shared) + ")";
  }
}
