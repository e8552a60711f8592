package cn.gov.petition.supervision.store;

import cn.gov.petition.contracts.Step;
import cn.gov.petition.supervision.ClockStage;
import cn.gov.petition.supervision.ClockStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 时限: the clock of one step of one case. */
@Entity
@Table(name = "statutory_clock")
public class ClockEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

  @Column(name = "case_number", nullable = false)
  public String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Step step;

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(name = "unit_region_code", nullable = false)
  public String unitRegionCode;

  @Column(name = "started_on", nullable = false)
  public LocalDate startedOn;

  @Column(name = "due_on", nullable = false)
  public LocalDate dueOn;

  /** OPEN, then ON_TIME or LATE when the step is done. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ClockStatus status;

  @Column(name = "done_on")
  public LocalDate doneOn;

  /** A window of the petitioner's (to evaluate, to ask for a review), not a duty of the unit. */
  @Column(name = "petitioner_window", nullable = false)
  public boolean petitionerWindow;

  @Column(name = "opened_at", nullable = false)
  public Instant openedAt;

  /** RUNNING, WARNED (a warning was given) or OVERDUE (the due date has passed, not done). */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ClockStage stage = ClockStage.RUNNING;

  /** The smallest warning threshold (days before due) already given, if any. */
  @Column(name = "warned_days")
  public Integer warnedDays;

  /** When the deadline watch must look at this clock next; none once there is nothing to mark. */
  @Column(name = "next_check_on")
  public LocalDate nextCheckOn;

  /** The calendar version intake counted the due date with; null from an older event. */
  @Column(name = "calendar_version")
  public Integer calendarVersion;

  /** 待定: the due date lies past the last day that calendar version covers. */
  @Column(nullable = false)
  public boolean provisional;

  /** The case is an accusation (检举控告): its clock is shown to few (Art 30(3)). */
  @Column(nullable = false)
  public boolean accusation;
}
