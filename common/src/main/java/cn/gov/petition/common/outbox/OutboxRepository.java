package cn.gov.petition.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The outbox table, with plain JDBC on the transaction's connection: the relay runs after every
 * commit that wrote an event, and the session's entity machinery was a third of the routing
 * service's time under load (bench/README.md, docs/adr/0022).
 */
@ApplicationScoped
public class OutboxRepository {

  private final EntityManager entityManager;

  public OutboxRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /**
   * Inserts events in one JDBC batch (one round trip), in list order, so that their ids, and the
   * order the relay publishes them in, follow it.
   */
  public void insertAll(List<OutboxEvent> events) {
    session()
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO outbox_event (event_id, event_type, topic, aggregate_id,"
                          + " subject, payload, occurred_at, trace_parent)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (OutboxEvent event : events) {
                  insert.setObject(1, event.eventId());
                  insert.setString(2, event.eventType());
                  insert.setString(3, event.topic());
                  insert.setString(4, event.aggregateId());
                  insert.setString(5, event.subject());
                  insert.setString(6, event.payload());
                  insert.setObject(7, event.occurredAt().atOffset(ZoneOffset.UTC));
                  insert.setString(8, event.traceParent());
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
  }

  /**
   * The oldest unpublished events, locked so that a second relay (another replica) takes other rows
   * instead of waiting or publishing the same ones.
   */
  public List<OutboxEvent> lockOldest(int limit) {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT id, event_id, event_type, topic, aggregate_id, subject, payload,"
                          + " occurred_at, attempts, trace_parent FROM outbox_event ORDER BY id"
                          + " LIMIT ?"
                          + " FOR UPDATE SKIP LOCKED")) {
                select.setInt(1, limit);
                List<OutboxEvent> events = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    events.add(
                        new OutboxEvent(
                            rows.getLong(1),
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getObject(8, OffsetDateTime.class).toInstant(),
                            rows.getInt(9),
                            rows.getString(10)));
                  }
                }
                return events;
              }
            });
  }

  /** How many events wait to be published, and when the oldest of them was written (or null). */
  public record Backlog(long events, java.time.Instant oldest) {}

  /** The events waiting now (what an operator alerts on: docs/operations.md). */
  public Backlog backlog() {
    return session()
        .doReturningWork(
            connection -> {
              try (PreparedStatement select =
                      connection.prepareStatement(
                          "SELECT count(*), min(occurred_at) FROM outbox_event");
                  ResultSet row = select.executeQuery()) {
                row.next();
                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                return new Backlog(row.getLong(1), oldest == null ? null : oldest.toInstant());
              }
            });
  }

  /** Deletes the published events. */
  public void deleteAll(List<Long> ids) {
    session()
        .doWork(
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
              }
            });
  }

  /** Counts a failed attempt to publish the event, with the reason. */
  public void recordFailure(long id, String error) {
    session()
        .doWork(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE outbox_event SET attempts = attempts + 1, last_error = ?"
                          + " WHERE id = ?")) {
                update.setString(1, error);
                update.setLong(2, id);
                update.executeUpdate();
              }
            });
  }

  private Session session() {
    return entityManager.unwrap(Session.class);
  }
}
