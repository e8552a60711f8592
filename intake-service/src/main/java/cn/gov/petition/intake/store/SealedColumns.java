package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.intake.PersonalData;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Every column intake keeps sealed ({@link FieldCipher}), and the re-sealing of values that are not
 * under the current key: values sealed under a retired key after a key rotation, and values from
 * before a column was sealed at all (a node upgraded from an older version). Each value is read,
 * opened and sealed again under the current key, and the blind-index digests made from it are
 * computed again under that key; then the content's word index ({@link ContentIndex}) is made for
 * the cases it lacks or has under another key.
 *
 * <p>A row is rewritten only if its sealed values are still those read (compare and set), so a
 * handler saving the same case meanwhile is never overwritten; the row is simply taken again on the
 * next pass.
 */
@ApplicationScoped
public class SealedColumns {

  private static final Logger LOG = Logger.getLogger(SealedColumns.class);
  private static final int BATCH = 500;

  private final DataSource dataSource;

  /**
   * Set once nothing is left under another key: the keys change only with a restart and new values
   * are sealed under the current one, so the tables are not scanned again until then.
   */
  private volatile boolean finished;

  SealedColumns(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * At start, and again every {@code petition.crypto.reseal.every} (10 min) until it has finished
   * (a pass stopped by the database, or a value under a key the node lacks): seals again, a batch
   * at a time, whatever is not under the current key. Logs counts only.
   */
  @Scheduled(
      identity = "reseal",
      every = "${petition.crypto.reseal.every:10m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    if (finished) {
      return;
    }
    FieldCipher cipher = FieldCipher.instance();
    int total = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      for (int done = reseal(connection, cipher, BATCH);
          done > 0;
          done = reseal(connection, cipher, BATCH)) {
        total += done;
      }
      int indexed = ContentIndex.indexAll(connection, cipher);
      if (indexed > 0) {
        LOG.infof("indexed the content of %d cases under key %s", indexed, cipher.currentKeyId());
      }
      Map<String, Long> left = remaining(connection, cipher);
      finished = left.values().stream().allMatch(n -> n == 0);
      if (total > 0 || !finished) {
        LOG.infof(
            "sealed %d rows again under key %s; left: %s", total, cipher.currentKeyId(), left);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.errorf(
          "re-sealing under key %s stopped after %d rows: %s",
          cipher.currentKeyId(), total, e.getMessage());
    }
  }

  /**
   * A digest column and how its plain text is made from the row's opened values. An anonymised
   * value ({@link PersonalData#MARK}) has no digest: the row keeps the one anonymisation gave it
   * (none, or a value no one can ask for), so that no search finds every anonymised row by the
   * mark.
   */
  private record Digest(String column, Function<Map<String, String>, String> of) {

    String plain(Map<String, String> values) {
      Map<String, String> personal = new LinkedHashMap<>(values);
      personal.replaceAll((column, value) -> PersonalData.MARK.equals(value) ? null : value);
      return of.apply(personal);
    }
  }

  /**
   * A table, its key column, its sealed columns, the digests made from them, and what marks a row
   * whose digests are missing (a digest added by a later version), or null.
   */
  private record Table(
      String name, String id, List<String> sealed, List<Digest> digests, String missing) {

    Table(String name, String id, List<String> sealed, List<Digest> digests) {
      this(name, id, sealed, digests, null);
    }
  }

  private static final List<Table> TABLES =
      List.of(
          new Table(
              "petition_case",
              "id",
              List.of("query_code", "content", "intermediary_name", "new_facts"),
              List.of(new Digest("query_code_digest", v -> v.get("query_code")))),
          new Table(
              "petitioner",
              "id",
              List.of("name", "id_number", "phone", "address"),
              List.of(
                  new Digest("id_number_digest", v -> v.get("id_number")),
                  new Digest("phone_digest", v -> v.get("phone")),
                  new Digest(
                      "name_address_digest",
                      v -> PetitionerEntity.nameAtAddress(v.get("name"), v.get("address"))),
                  new Digest("name_digest", v -> PetitionerEntity.nameKey(v.get("name")))),
              "name IS NOT NULL AND name_digest IS NULL AND NOT EXISTS (SELECT 1 FROM"
                  + " petition_case c WHERE c.id = petitioner.case_id AND c.anonymised_on IS NOT NULL)"),
          new Table("accused", "id", List.of("name"), List.of()),
          new Table("case_transition", "id", List.of("details"), List.of()),
          new Table("import_record", "id", List.of("record"), List.of()),
          new Table(
              "sms_outbox",
              "id",
              List.of("phone", "text"),
              List.of(new Digest("phone_digest", v -> v.get("phone")))),
          new Table("attachment", "id", List.of("file_name", "data_key"), List.of()),
          new Table(
              "online_submission",
              "id",
              List.of("query_code", "name", "id_number", "phone", "address", "content"),
              List.of(
                  new Digest("query_code_digest", v -> v.get("query_code")),
                  new Digest("phone_digest", v -> v.get("phone")))));

  /**
   * Re-seals up to {@code batch} rows of each table under the current key, each row in its own
   * statement on the caller's connection (autocommit, or the caller's transaction).
   *
   * @return how many rows were sealed again
   */
  public static int reseal(Connection connection, FieldCipher cipher, int batch)
      throws SQLException {
    int done = 0;
    for (Table table : TABLES) {
      done += reseal(connection, cipher, table, batch);
    }
    return done;
  }

  /** How many rows hold a value not sealed under the current key, by table. */
  public static Map<String, Long> remaining(Connection connection, FieldCipher cipher)
      throws SQLException {
    Map<String, Long> remaining = new LinkedHashMap<>();
    for (Table table : TABLES) {
      try (PreparedStatement count =
          connection.prepareStatement(
              "SELECT count(*) FROM " + table.name() + " WHERE " + notCurrent(table))) {
        bindPrefix(count, table, cipher);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          remaining.put(table.name(), rows.getLong(1));
        }
      }
    }
    return remaining;
  }

  private static int reseal(Connection connection, FieldCipher cipher, Table table, int batch)
      throws SQLException {
    String columns = String.join(", ", table.sealed());
    List<Object> ids = new ArrayList<>();
    List<Map<String, String>> stored = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + table.id()
                + ", "
                + columns
                + " FROM "
                + table.name()
                + " WHERE "
                + notCurrent(table)
                + " LIMIT "
                + batch)) {
      bindPrefix(select, table, cipher);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1));
          Map<String, String> values = new LinkedHashMap<>();
          for (String column : table.sealed()) {
            values.put(column, rows.getString(column));
          }
          stored.add(values);
        }
      }
    }
    String set =
        table.sealed().stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
            + table.digests().stream()
                // no digest (no value, or an anonymised one): the row keeps the one it has
                .map(d -> ", " + d.column() + " = COALESCE(?, " + d.column() + ")")
                .collect(Collectors.joining());
    String unchanged =
        table.sealed().stream()
            .map(c -> c + " IS NOT DISTINCT FROM ?")
            .collect(Collectors.joining(" AND "));
    int done = 0;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + table.name()
                + " SET "
                + set
                + " WHERE "
                + table.id()
                + " = ? AND "
                + unchanged)) {
      for (int i = 0; i < ids.size(); i++) {
        Map<String, String> old = stored.get(i);
        Map<String, String> plain = new LinkedHashMap<>();
        old.forEach(
            (column, value) -> plain.put(column, value == null ? null : cipher.decrypt(value)));
        int p = 1;
        for (String column : table.sealed()) {
          String value = plain.get(column);
          update.setString(p++, value == null ? null : cipher.encrypt(value));
        }
        for (Digest digest : table.digests()) {
          String value = digest.plain(plain);
          update.setString(p++, value == null ? null : cipher.digest(value));
        }
        update.setObject(p++, ids.get(i));
        for (String column : table.sealed()) {
          update.setString(p++, old.get(column));
        }
        done += update.executeUpdate();
      }
    }
    return done;
  }

  /** Rows with a value that is there but not sealed under the current key, or a digest missing. */
  private static String notCurrent(Table table) {
    return table.sealed().stream()
            .map(c -> "(" + c + " IS NOT NULL AND " + c + " NOT LIKE ?)")
            .collect(Collectors.joining(" OR "))
        + (table.missing() == null ? "" : " OR (" + table.missing() + ")");
  }

  private static void bindPrefix(PreparedStatement statement, Table table, FieldCipher cipher)
      throws SQLException {
    for (int i = 1; i <= table.sealed().size(); i++) {
      statement.setString(i, cipher.currentPrefix() + "%");
    }
  }
}
