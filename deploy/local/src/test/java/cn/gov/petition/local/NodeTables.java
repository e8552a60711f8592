package cn.gov.petition.local;

import cn.gov.petition.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every table of a service's schema as content, for comparing a node rebuilt from Kafka with the
 * node it replaces (issue 30, item 6). What is left out is what a rebuild cannot and need not give
 * again, each for its reason: the plumbing of the run itself, the surrogate keys of derived rows
 * (their order is the order the partitions were read in), and the moments this node read something.
 */
final class NodeTables {

  /**
   * Tables of the run itself: the migrations applied, events waiting, the journal read, and the
   * digest of the statistics this node last told the levels above (told again at its next tick when
   * the figures differ).
   */
  private static final Set<String> PLUMBING =
      Set.of("flyway_schema_history", "outbox_event", "journal_mark", "snapshot_published");

  /**
   * Tables a rebuilt node may have more rows in: the events it has applied include those published
   * after it was rebuilt (its own next snapshot, for one). Compared with {@link #rows}: every row
   * before is there after.
   */
  static final Set<String> GROWING = Set.of("processed_event");

  /** Per table, the columns a rebuild gives other values, for the reason each names. */
  private static final Map<String, Set<String>> LEFT_OUT =
      Map.of(
          // when this node applied the event
          "processed_event", Set.of("processed_at"),
          // a derived row's serial key, and when this node opened the clock
          "statutory_clock", Set.of("id", "opened_at"),
          "step_fact", Set.of("id"),
          "petition_fact", Set.of("id"),
          // when this node received a snapshot
          "exchanged_snapshot", Set.of("received_at"));

  /**
   * Tallies kept as a total and the changes not yet folded into it (supervision's compactor folds
   * them every few seconds): compared as the sums of both, per key, leaving out the keys whose sums
   * are all zero. Each: the tally, its change table, its key columns, its counted columns.
   */
  private record Folded(String tally, String changes, List<String> key, List<String> counts) {

    String sql(String schema) {
      String columns = String.join(", ", key) + ", " + String.join(", ", counts);
      String sums = String.join(", ", counts.stream().map(c -> "sum(" + c + ") AS " + c).toList());
      String nonzero =
          String.join(" OR ", counts.stream().map(c -> "sum(" + c + ") <> 0").toList());
      return "SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY to_jsonb(x)::text)::text, '[]') FROM"
          + " (SELECT "
          + String.join(", ", key)
          + ", "
          + sums
          + " FROM (SELECT "
          + columns
          + " FROM "
          + schema
          + "."
          + tally
          + " UNION ALL SELECT "
          + columns
          + " FROM "
          + schema
          + "."
          + changes
          + ") u GROUP BY "
          + String.join(", ", key)
          + " HAVING "
          + nonzero
          + ") x";
    }
  }

  private static final List<Folded> FOLDED =
      List.of(
          new Folded(
              "clock_tally",
              "clock_tally_change",
              List.of("unit_code", "unit_region_code"),
              List.of("open_steps", "warned_steps", "overdue_steps")),
          new Folded(
              "unit_day_tally",
              "unit_day_change",
              List.of("unit_code", "day", "unit_region_code"),
              List.of("done_on_time", "done_late", "fell_overdue")));

  private NodeTables() {}

  /** Each table of {@code schema} (as "schema.table") and its rows as one JSON array, in order. */
  static Map<String, String> contents(String jdbcUrl, String schema) throws SQLException {
    Map<String, String> contents = new TreeMap<>();
    try (Connection db = connect(jdbcUrl)) {
      List<String> tables = tables(db, schema);
      for (String table : tables) {
        if (PLUMBING.contains(table) || GROWING.contains(table) || isFolded(table)) {
          continue;
        }
        StringBuilder row = new StringBuilder("to_jsonb(t)");
        for (String column : LEFT_OUT.getOrDefault(table, Set.of())) {
          row.append(" - '").append(column).append('\'');
        }
        try (Statement sql = db.createStatement();
            ResultSet rows =
                sql.executeQuery(
                    "SELECT coalesce(jsonb_agg(r ORDER BY r::text)::text, '[]') FROM (SELECT "
                        + row
                        + " AS r FROM "
                        + schema
                        + "."
                        + table
                        + " t) x")) {
          rows.next();
          contents.put(schema + "." + table, rows.getString(1));
        }
      }
      for (Folded folded : FOLDED) {
        if (tables.contains(folded.tally())) {
          try (Statement sql = db.createStatement();
              ResultSet rows = sql.executeQuery(folded.sql(schema))) {
            rows.next();
            contents.put(schema + "." + folded.tally() + " (changes folded in)", rows.getString(1));
          }
        }
      }
    }
    return contents;
  }

  private static boolean isFolded(String table) {
    return FOLDED.stream().anyMatch(f -> f.tally().equals(table) || f.changes().equals(table));
  }

  /** The rows of {@code schema.table} as JSON texts, less the columns left out. */
  static Set<String> rows(String jdbcUrl, String schema, String table) throws SQLException {
    StringBuilder row = new StringBuilder("to_jsonb(t)");
    for (String column : LEFT_OUT.getOrDefault(table, Set.of())) {
      row.append(" - '").append(column).append('\'');
    }
    Set<String> rows = new java.util.HashSet<>();
    try (Connection db = connect(jdbcUrl);
        Statement sql = db.createStatement();
        ResultSet found =
            sql.executeQuery("SELECT (" + row + ")::text FROM " + schema + "." + table + " t")) {
      while (found.next()) {
        rows.add(found.getString(1));
      }
    }
    return rows;
  }

  /** Where a table's content differs, briefly: its name and the first rows that differ. */
  static String firstDifference(
      String table, Map<String, String> before, Map<String, String> after) {
    String was = before.get(table);
    String is = after.getOrDefault(table, "");
    int at = 0;
    while (at < Math.min(was.length(), is.length()) && was.charAt(at) == is.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 150);
    return table
        + " at "
        + at
        + ": was ..."
        + was.substring(from, Math.min(was.length(), at + 150))
        + "... is ..."
        + is.substring(Math.min(from, is.length()), Math.min(is.length(), at + 150))
        + "...";
  }

  /** Whether the service of {@code schema} has published everything it wrote. */
  static boolean outboxEmpty(String jdbcUrl, String schema) throws SQLException {
    try (Connection db = connect(jdbcUrl);
        Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + schema + ".outbox_event")) {
      rows.next();
      return rows.getLong(1) == 0;
    }
  }

  static void dropSchemas(String jdbcUrl, List<String> schemas) throws SQLException {
    try (Connection db = connect(jdbcUrl);
        Statement sql = db.createStatement()) {
      for (String schema : schemas) {
        sql.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static List<String> tables(Connection db, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      select.setString(1, schema);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    return tables;
  }

  private static Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
  }
}
