package cn.gov.petition.analytics.store;

import cn.gov.petition.contracts.StatisticsSnapshot;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics snapshots (V6): the digest of each day this node published ({@code
 * snapshot_published}) and the snapshots received from the nodes below ({@code
 * exchanged_snapshot}), the latest of each node and day.
 */
@ApplicationScoped
public class SnapshotRepository {

  private final EntityManager em;
  private final ObjectMapper json;

  public SnapshotRepository(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /** Records the day's digest as published; false if that very digest was published already. */
  public boolean published(LocalDate day, String digest, OffsetDateTime at) {
    return em.createNativeQuery(
                "INSERT INTO snapshot_published (day, digest, published_at) VALUES (:day,"
                    + " :digest, :at) ON CONFLICT (day) DO UPDATE SET digest = EXCLUDED.digest,"
                    + " published_at = EXCLUDED.published_at"
                    + " WHERE snapshot_published.digest <> EXCLUDED.digest")
            .setParameter("day", day)
            .setParameter("digest", digest)
            .setParameter("at", at)
            .executeUpdate()
        > 0;
  }

  /** Keeps the snapshot unless one computed later is already held for that node and day. */
  public void received(StatisticsSnapshot snapshot, OffsetDateTime at) {
    em.createNativeQuery(
            "INSERT INTO exchanged_snapshot (source_node, day, as_of, body, received_at) VALUES"
                + " (:node, :day, :asOf, CAST(:body AS jsonb), :at) ON CONFLICT (source_node, day)"
                + " DO UPDATE SET as_of = EXCLUDED.as_of, body = EXCLUDED.body,"
                + " received_at = EXCLUDED.received_at"
                + " WHERE exchanged_snapshot.as_of <= EXCLUDED.as_of")
        .setParameter("node", snapshot.node())
        .setParameter("day", snapshot.day())
        .setParameter("asOf", snapshot.asOf())
        .setParameter("body", write(snapshot))
        .setParameter("at", at)
        .executeUpdate();
  }

  /** A snapshot received, with the node it came from. */
  public record Received(String sourceNode, StatisticsSnapshot snapshot) {}

  /**
   * The snapshots of a period from the nodes that report the region, the deepest node first, each
   * node's in day order.
   */
  @SuppressWarnings("unchecked")
  public List<Received> reporting(String region, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT source_node, CAST(body AS text) FROM exchanged_snapshot"
                    + " WHERE day BETWEEN :from AND :to AND :region LIKE source_node || '%'"
                    + " AND (source_node = :region OR length(:region) ="
                    + " CASE length(source_node) WHEN 6 THEN 9 ELSE length(source_node) + 2 END)"
                    + " ORDER BY length(source_node) DESC, day")
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("region", region)
            .getResultList();
    List<Received> received = new ArrayList<>();
    for (Object[] row : rows) {
      received.add(new Received((String) row[0], read((String) row[1])));
    }
    return received;
  }

  private String write(StatisticsSnapshot snapshot) {
    try {
      return json.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private StatisticsSnapshot read(String body) {
    try {
      return json.readValue(body, StatisticsSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("exchanged_snapshot.body is not a snapshot", e);
    }
  }
}
