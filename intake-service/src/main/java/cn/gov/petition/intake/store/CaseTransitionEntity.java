package cn.gov.petition.intake.store;

import cn.gov.petition.intake.CaseStatus;
import cn.gov.petition.intake.Transition;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * 办理记录: one transition of a case, who took it and what it decided. The details hold the content of
 * the notice or opinion it issued, so the document prints the same every time.
 */
@Entity
@Table(name = "case_transition")
public class CaseTransitionEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Transition transition;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status")
  public CaseStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false)
  public CaseStatus toStatus;

  @Column(name = "occurred_on", nullable = false)
  public LocalDate occurredOn;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  /** Set on a repeat petition linked to this case: a retry of its registration finds it here. */
  @Column(name = "idempotency_key", unique = true)
  public String idempotencyKey;

  /** SHA-256 of the request the key answered. */
  @Column(name = "idempotency_fingerprint")
  public String idempotencyFingerprint;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "user_name", nullable = false)
  public String userName;

  /** Sealed at rest: the text of notices and opinions names people. */
  @Convert(converter = SealedJson.class)
  @Column(nullable = false)
  public Map<String, Object> details;
}
