package cn.gov.petition.intake.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

  @Column(nullable = false)
  public String step;

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

  public boolean isOpen() {
    return doneOn == null;
  }
}
