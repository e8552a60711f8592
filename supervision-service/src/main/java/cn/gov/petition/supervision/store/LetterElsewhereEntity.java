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

/**
 * 外节点函件: a supervision letter another node issued to a unit of this node's subtree, as the
 * broadcast tells of it (no reason, no answer: those stay with the letter at {@link #heldAt}).
 */
@Entity
@Table(name = "letter_elsewhere")
public class LetterElsewhereEntity {
  @Id public UUID id;

  /** The node holding the letter (its issuer's). */
  @Column(name = "held_at", nullable = false)
  public String heldAt;

  @Column(nullable = false)
  public String number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LetterKind kind;

  @Column(name = "issuer_unit", nullable = false)
  public String issuerUnit;

  @Column(name = "issuer_region", nullable = false)
  public String issuerRegion;

  @Column(name = "recipient_unit", nullable = false)
  public String recipientUnit;

  @Column(name = "recipient_region", nullable = false)
  public String recipientRegion;

  @Column(name = "case_ids", nullable = false)
  public List<String> caseIds = new ArrayList<>();

  @Column(name = "case_numbers", nullable = false)
  public List<String> caseNumbers = new ArrayList<>();

  /** About an accusation: seen only by those who may hear of one (Caller.mayHearOf). */
  @Column(nullable = false)
  public boolean accusation;

  @Column(name = "issued_on", nullable = false)
  public LocalDate issuedOn;

  @Column(name = "reply_due_on", nullable = false)
  public LocalDate replyDueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public LetterStatus status;

  @Column(name = "escalated_on")
  public LocalDate escalatedOn;

  @Column(name = "answered_on")
  public LocalDate answeredOn;

  @Column(name = "answered_late", nullable = false)
  public boolean answeredLate;
}
