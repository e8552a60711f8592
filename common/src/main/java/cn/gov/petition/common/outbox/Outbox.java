package cn.gov.petition.common.outbox;

import cn.gov.petition.common.tracing.EventTracing;
import cn.gov.petition.common.tx.AfterCommit;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.Topics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and then surely, even if Kafka is down at the time (the relay retries).
 */
@ApplicationScoped
public class Outbox {

  /** The transaction resource holding the events kept by {@link #collect()}. */
  private static final String COLLECTED = Outbox.class.getName() + ".collected";

  private final OutboxRepository repository;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;
  private final String node;
  private final EventTracing tracing;

  public Outbox(
      OutboxRepository repository,
      ObjectMapper json,
      Clock clock,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay,
      EventTracing tracing,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.tracing = tracing;
    this.repository = repository;
    this.json = json;
    this.clock = clock;
    this.transactions = transactions;
    this.relay = relay;
    this.node = node;
  }

  /**
   * Publishes on the event type's topic; a node-addressed topic is this node's own.
   *
   * @param key the Kafka key: the case id, so that one case's events stay in order
   * @param subject the CloudEvents subject: the case number
   * @param data one of the event contracts in {@code cn.gov.petition.contracts}
   * @return the event id
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publish(String key, String subject, Record data) {
    return publishTo(node, key, subject, data);
  }

  /** Publishes an event addressed to another node (a handoff, a receipt) on that node's topic. */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID publishTo(String node, String key, String subject, Record data) {
    EventType type = EventType.of(data.getClass());
    String payload;
    try {
      payload = json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event data cannot be written as JSON: " + type, e);
    }
    OutboxEvent event =
        new OutboxEvent(
            null,
            EventIds.next(),
            type.type(),
            Topics.forNode(type.topic(), node),
            key,
            subject,
            payload,
            clock.instant(),
            0,
            tracing.currentParent());
    @SuppressWarnings("unchecked")
    List<OutboxEvent> collected = (List<OutboxEvent>) transactions.getResource(COLLECTED);
    if (collected != null) {
      collected.add(event);
    } else {
      repository.insertAll(List.of(event));
      AfterCommit.run(transactions, relay::wakeUp);
    }
    return event.eventId();
  }

  /**
   * From now on in the current transaction, keeps the events published instead of writing each at
   * once, until {@link #writeCollected()} writes them all in one batch: a consumer applying a poll
   * of events ({@code Inbox.receive}) sends one batch for the poll rather than one insert per event
   * (docs/adr/0022).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void collect() {
    if (transactions.getResource(COLLECTED) == null) {
      transactions.putResource(COLLECTED, new ArrayList<OutboxEvent>());
    }
  }

  /** Writes the events kept since {@link #collect()}, in the order they were published. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeCollected() {
    @SuppressWarnings("unchecked")
    List<OutboxEvent> collected = (List<OutboxEvent>) transactions.getResource(COLLECTED);
    if (collected == null || collected.isEmpty()) {
      return;
    }
    repository.insertAll(collected);
    collected.clear();
    AfterCommit.run(transactions, relay::wakeUp);
  }
}
