package cn.gov.petition.intake.store;

import cn.gov.petition.contracts.Step;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** 办理环节: one step of a case against its deadline; open while {@code doneOn} is null. */
@Entity
@Table(name = "case_step")
public class CaseStepEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

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

  @Column(name = "done_on")
  public LocalDate doneOn;

  @Column(name = "rule_id")
  public Long ruleId;

  /** The period's base days: the rule's, or those the assigning body set for a 交办. */
  @Column(nullable = false)
  public int days;

  /** Days an approved extension added (Art 34). */
  @Column(name = "extension_days", nullable = false)
  public int extensionDays;

  /** Days not counted: hearings in a re-review (Art 36). */
  @Column(name = "excluded_days", nullable = false)
  public int excludedDays;

  /** The calendar version the due date was computed with. */
  @Column(name = "calendar_version", nullable = false)
  public int calendarVersion;

  /** 待定: the due date lies past the last day that calendar version covers. */
  @Column(nullable = false)
  public boolean provisional;

  /** Stopped without being owed any more (an upheld objection): neither on time nor late. */
  @Column(nullable = false)
  public boolean withdrawn;

  public boolean isOpen() {
    return doneOn == null;
  }
}
