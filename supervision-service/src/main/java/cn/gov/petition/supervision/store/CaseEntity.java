package cn.gov.petition.supervision.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * 督办案件: a case of this node's subtree as its lifecycle events describe it: the unit that has it,
 * its status, how often the petitioner came again about it (重复信访), the petitioner's evaluation and
 * whether the closing report came. Names no person and holds no text of the petition.
 */
@Entity
@Table(name = "supervised_case")
public class CaseEntity {

  /** Statuses that end the procedure (intake's CaseStatus.isEnded). */
  public static final Set<String> ENDED =
      Set.of("REFERRED", "DECLINED", "CLOSED", "TERMINATED", "NOT_ACCEPTED_AGAIN");

  @Id
  @Column(name = "case_id")
  public UUID caseId;

  @Column(name = "case_number", nullable = false)
  public String caseNumber;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "unit_region_code", nullable = false)
  public String unitRegionCode;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public boolean ended;

  /** FORWARD (转送) or ASSIGN (交办), once routed. */
  public String mode;

  /** How many times the same petitioner came again about it while it was open (Art 19(3)). */
  @Column(name = "repeat_count", nullable = false)
  public int repeatCount;

  /** SATISFIED, BASICALLY_SATISFIED or UNSATISFIED, once evaluated. */
  public String evaluation;

  /** Whether the unit's closing report (办结报告) of an assigned matter came. */
  @Column(name = "report_submitted", nullable = false)
  public boolean reportSubmitted;

  @Column(name = "first_seen_on", nullable = false)
  public LocalDate firstSeenOn;

  @Column(name = "last_progress_on", nullable = false)
  public LocalDate lastProgressOn;

  /** The case is an accusation (检举控告): listed only to few (Art 30(3)). */
  @Column(nullable = false)
  public boolean accusation;
}
