package cn.gov.petition.common.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The journaled tables of this service's schema, read from the catalogue (the tables with a trigger
 * named {@code journal}, R__journal.sql), and the SQL that restores them. Plain JDBC in the
 * caller's transaction, like the outbox's.
 */
@ApplicationScoped
public class JournalTables {

  /** A journaled table and the columns of its primary key. */
  public record Table(String name, List<String> key) {}

  /**
   * A row as the journal holds it: its table, its primary key and its state, both as JSON objects;
   * the state is null once the row was deleted.
   */
  public record Row(String table, String key, String state) {}

  private final EntityManager entityManager;

  public JournalTables(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The tables of this schema that have the journal trigger, by name. */
  public Map<String, Table> journaled() {
    return session()
        .doReturningWork(
            connection -> {
              Map<String, List<String>> keys = new LinkedHashMap<>();
              try (Statement select = connection.createStatement();
                  ResultSet rows =
                      select.executeQuery(
                          "SELECT c.relname, a.attname FROM pg_trigger t"
                              + " JOIN pg_class c ON c.oid = t.tgrelid"
                              + " JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary"
                              + " JOIN pg_attribute a ON a.attrelid = c.oid"
                              + " AND a.attnum = ANY (i.indkey)"
                              + " WHERE t.tgname = 'journal'"
                              + " AND c.relnamespace = current_schema()::regnamespace"
                              + " ORDER BY c.relname, a.attnum")) {
                while (rows.next()) {
                  keys.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                      .add(rows.getString(2));
                }
              }
              Map<String, Table> tables = new LinkedHashMap<>();
              keys.forEach((name, key) -> tables.put(name, new Table(name, List.copyOf(key))));
              return tables;
            });
  }

  /** Whether this database has read {@code topic} already (or found it empty). */
  public boolean marked(String topic) {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement("SELECT 1 FROM journal_mark WHERE topic = ?")) {
                select.setString(1, topic);
                try (ResultSet rows = select.executeQuery()) {
                  return rows.next();
                }
              }
            });
  }

  /**
   * Puts every row of {@code rows} in its table as the journal holds it (inserted, replaced, or
   * deleted when its state is null), in their order and without journaling them again; moves each
   * serial key's sequence past the largest key; and marks {@code topic} read. When the journal held
   * rows, the journal rows still waiting in the outbox are dropped: they are what this database's
   * migrations seeded before it knew its journal, and the journal is the truth.
   */
  public void restore(String topic, List<Row> rows, Map<String, Table> tables) {
    session()
        .doWork(
            connection -> {
              try (Statement quiet = connection.createStatement()) {
                quiet.execute("SELECT set_config('petition.journal.restoring', 'on', true)");
              }
              Map<String, String> upserts = new java.util.HashMap<>();
              for (Row row : rows) {
                Table table = tables.get(row.table());
                if (table == null) {
                  throw new IllegalStateException("not a journaled table: " + row.table());
                }
                String sql =
                    row.state() == null
                        ? delete(table)
                        : upserts.computeIfAbsent(table.name(), t -> upsert(connection, table));
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                  statement.setString(1, row.state() == null ? row.key() : row.state());
                  statement.executeUpdate();
                }
              }
              for (Table table : tables.values()) {
                advanceSequences(connection, table);
              }
              if (!rows.isEmpty()) {
                try (PreparedStatement drop =
                    connection.prepareStatement("DELETE FROM outbox_event WHERE event_type = ?")) {
                  drop.setString(1, Journal.EVENT_TYPE);
                  drop.executeUpdate();
                }
              }
              try (PreparedStatement mark =
                  connection.prepareStatement(
                      "INSERT INTO journal_mark (topic, marked_at, restored) VALUES (?, now(), ?)")) {
                mark.setString(1, topic);
                mark.setInt(2, rows.size());
                mark.executeUpdate();
              }
            });
  }

  private static String delete(Table table) {
    String key = String.join(", ", table.key().stream().map(JournalTables::quoted).toList());
    return "DELETE FROM "
        + quoted(table.name())
        + " WHERE ("
        + key
        + ") = (SELECT "
        + key
        + " FROM jsonb_populate_record(NULL::"
        + quoted(table.name())
        + ", ?::jsonb))";
  }

  /** The table's upsert from a row's JSON, its columns read from the catalogue. */
  private static String upsert(java.sql.Connection connection, Table table) {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0"
                + " AND NOT attisdropped ORDER BY attnum")) {
      select.setString(1, quoted(table.name()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("the columns of " + table.name() + " cannot be read", e);
    }
    List<String> others =
        columns.stream()
            .filter(c -> !table.key().contains(c))
            .map(c -> quoted(c) + " = EXCLUDED." + quoted(c))
            .toList();
    return "INSERT INTO "
        + quoted(table.name())
        + " SELECT * FROM jsonb_populate_record(NULL::"
        + quoted(table.name())
        + ", ?::jsonb) ON CONFLICT ("
        + String.join(", ", table.key().stream().map(JournalTables::quoted).toList())
        + ") DO "
        + (others.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", others));
  }

  private static void advanceSequences(java.sql.Connection connection, Table table)
      throws java.sql.SQLException {
    for (String column : table.key()) {
      String sequence;
      try (PreparedStatement find =
          connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
        find.setString(1, quoted(table.name()));
        find.setString(2, column);
        try (ResultSet found = find.executeQuery()) {
          found.next();
          sequence = found.getString(1);
        }
      }
      if (sequence != null) {
        try (PreparedStatement advance =
            connection.prepareStatement(
                "SELECT setval(?::regclass, max("
                    + quoted(column)
                    + ")) FROM "
                    + quoted(table.name())
                    + " HAVING max("
                    + quoted(column)
                    + ") IS NOT NULL")) {
          advance.setString(1, sequence);
          advance.executeQuery().close();
        }
      }
    }
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private Session session() {
    return entityManager.unwrap(Session.class);
  }
}
