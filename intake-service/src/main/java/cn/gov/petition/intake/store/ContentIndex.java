package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.intake.ContentWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The content's word index ({@code case_terms}, ADR 29): for each case, the keyed digests of the
 * pairs of characters of its content ({@link ContentWords}), under the field key named with them. A
 * case is indexed as it is stored (registered, imported, received from another node), in the same
 * transaction; the re-sealing pass ({@link SealedColumns}) indexes whatever has no row or a row
 * under a retired key (cases from before this version, and after a key rotation).
 */
@ApplicationScoped
public class ContentIndex {

  private static final int BATCH = 500;

  private static final String UPSERT =
      "INSERT INTO case_terms (case_id, key_id, words) VALUES (%s, %s, CAST(%s AS int[]))"
          + " ON CONFLICT (case_id) DO UPDATE SET key_id = EXCLUDED.key_id, words = EXCLUDED.words";

  private final EntityManager em;

  ContentIndex(EntityManager em) {
    this.em = em;
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

  /**
   * Indexes every case with no index row or one under another key than the cipher's current one, in
   * order of id, a batch of 500 per statement (autocommit on the caller's connection), so that each
   * batch starts where the last ended and a large upgrade is read once.
   *
   * @return how many cases were indexed
   */
  public static int indexAll(Connection connection, FieldCipher cipher) throws SQLException {
    int total = 0;
    Object after = new UUID(0, 0); // the nil UUID: PostgreSQL orders every id after it
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT c.id, c.content FROM petition_case c WHERE c.id > ? AND NOT EXISTS"
                    + " (SELECT 1 FROM case_terms t WHERE t.case_id = c.id AND t.key_id = ?)"
                    + " ORDER BY c.id LIMIT "
                    + BATCH);
        PreparedStatement upsert = connection.prepareStatement(UPSERT.formatted("?", "?", "?"))) {
      for (int done = BATCH; done == BATCH; ) {
        select.setObject(1, after);
        select.setString(2, cipher.currentKeyId());
        done = 0;
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            after = rows.getObject(1);
            String content = cipher.decrypt(rows.getString(2));
            upsert.setObject(1, after);
            upsert.setString(2, cipher.currentKeyId());
            upsert.setString(3, array(cipher.wordDigests(ContentWords.pairs(content))));
            upsert.addBatch();
            done++;
          }
        }
        upsert.executeBatch();
        total += done;
      }
    }
    return total;
  }

  /** An int array as PostgreSQL's text form. */
  static String array(int[] values) {
    return Arrays.stream(values)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }
}
