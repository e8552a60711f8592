package cn.gov.petition.common.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the transactional outbox (发件箱) to be published: a row of {@code
 * outbox_event}, written and read with plain JDBC by {@link OutboxRepository} (docs/adr/0022).
 *
 * @param id the row's id, in the order the events were written; null until written
 * @param attempts failed attempts to publish it so far
 * @param traceParent the W3C traceparent of the transaction that wrote it, null if untraced: the
 *     relay publishes it in that trace (EventTracing)
 */
public record OutboxEvent(
    Long id,
    UUID eventId,
    String eventType,
    String topic,
    String aggregateId,
    String subject,
    String payload,
    Instant occurredAt,
    int attempts,
    String traceParent) {}
