package cn.gov.petition.intake.store;

import cn.gov.petition.intake.ContentWords;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The content's word index ({@code case_terms}, ADR 29): for each case, the keyed digests of the
 * pairs of characters of its content ({@link ContentWords}), under the field key named with them. A
 * case is indexed as it is stored (registered, imported, received from another node), in the same
 * transaction; a pass at start and every 10 minutes indexes whatever has no row or a row under a
 * retired key (cases from before this version, and after a key rotation).
 */
@ApplicationScoped
public class ContentIndex {

  private static final Logger LOG = Logger.getLogger(ContentIndex.class);
  private static final int BATCH = 500;

  private static final String UPSERT =
      "INSERT INTO case_terms (case_id, key_id, words) VALUES (%s, %s, CAST(%s AS int[]))"
          + " ON CONFLICT (case_id) DO UPDATE SET key_id = EXCLUDED.key_id, words = EXCLUDED.words";

  private final EntityManager em;
  private final DataSource dataSource;

  /** Set once every case is indexed under the current key (keys change only with a restart). */
  private volatile boolean finished;

  ContentIndex(EntityManager em, DataSource dataSource) {
    this.em = em;
    this.dataSource = dataSource;
  }

  /** Indexes a case just stored, in the caller's transaction. */
  public void index(UUID caseId, String content) {
    FieldCipher cipher = FieldCipher.instance();
    em.flush(); // the case row first: the index row refers to it and takes its scope from it
    em.createNativeQuery(UPSERT.formatted(":id", ":key", ":words"))
        .setParameter("id", caseId)
        .setParameter("key", cipher.currentKeyId())
        .setParameter("words", array(cipher.wordDigests(ContentWords.pairs(content))))
        .executeUpdate();
  }

  /** Indexes, a batch at a time, the cases with no index row or one under another key. */
  @Scheduled(
      identity = "content-index",
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
      for (int done = indexBatch(connection, cipher);
          done > 0;
          done = indexBatch(connection, cipher)) {
        total += done;
      }
      finished = true;
      if (total > 0) {
        LOG.infof("indexed the content of %d cases under key %s", total, cipher.currentKeyId());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.errorf(
          "indexing content under key %s stopped after %d cases: %s",
          cipher.currentKeyId(), total, e.getMessage());
    }
  }

  /**
   * Indexes up to a batch of cases not indexed under the cipher's current key.
   *
   * @return how many were indexed
   */
  public static int indexBatch(Connection connection, FieldCipher cipher) throws SQLException {
    int done = 0;
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT c.id, c.content FROM petition_case c"
                    + " LEFT JOIN case_terms t ON t.case_id = c.id"
                    + " WHERE t.case_id IS NULL OR t.key_id <> ? LIMIT "
                    + BATCH);
        PreparedStatement upsert = connection.prepareStatement(UPSERT.formatted("?", "?", "?"))) {
      select.setString(1, cipher.currentKeyId());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String content = cipher.decrypt(rows.getString(2));
          upsert.setObject(1, rows.getObject(1));
          upsert.setString(2, cipher.currentKeyId());
          upsert.setString(3, array(cipher.wordDigests(ContentWords.pairs(content))));
          upsert.addBatch();
          done++;
        }
      }
      upsert.executeBatch();
    }
    return done;
  }

  /** An int array as PostgreSQL's text form. */
  static String array(int[] values) {
    return Arrays.stream(values)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }
}
