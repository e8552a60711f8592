package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.LetterKind;
import cn.gov.petition.supervision.LetterStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 督办函件: one supervision letter and its answer. */
@Entity
@Table(name = "supervision_letter")
public class LetterEntity {
  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LetterKind kind;

  /** The year and the issuer's running number of this kind in it (the 文号). */
  @Column(nullable = false)
  public int year;

  @Column(nullable = false)
  public int seq;

  @Column(name = "issuer_unit", nullable = false)
  public String issuerUnit;

  @Column(name = "issuer_region", nullable = false)
  public String issuerRegion;

  @Column(name = "issued_by", nullable = false)
  public String issuedBy;

  @Column(name = "recipient_unit", nullable = false)
  public String recipientUnit;

  @Column(name = "recipient_region", nullable = false)
  public String recipientRegion;

  @Column(name = "case_ids", nullable = false)
  public List<String> caseIds = new ArrayList<>();

  @Column(name = "case_numbers", nullable = false)
  public List<String> caseNumbers = new ArrayList<>();

  @Column(nullable = false)
  public String reason;

  /** Whether a case of the letter is an accusation (检举控告): then only those who may hear of it. */
  @Column(nullable = false)
  public boolean accusation;

  @Column(name = "issued_on", nullable = false)
  public LocalDate issuedOn;

  @Column(name = "reply_due_on", nullable = false)
  public LocalDate replyDueOn;

  /** OUTSTANDING, ESCALATED (reply overdue, still awaited) or ANSWERED. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LetterStatus status;

  @Column(name = "escalated_on")
  public LocalDate escalatedOn;

  public String answer;

  @Column(name = "answered_on")
  public LocalDate answeredOn;

  @Column(name = "answered_by")
  public String answeredBy;
}
