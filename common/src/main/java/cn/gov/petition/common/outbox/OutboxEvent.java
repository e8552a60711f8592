package cn.gov.petition.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event waiting in the transactional outbox (发件箱) to be published. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "event_id", nullable = false, unique = true)
  public UUID eventId;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String topic;

  @Column(name = "aggregate_id", nullable = false)
  public String aggregateId;

  @Column(nullable = false)
  public String subject;

  @Column(nullable = false)
  public String payload;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "last_error")
  public String lastError;
}
