package cn.gov.petition.intake.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 时限规则: one row of the deadline table (V2__lifecycle.sql holds the national rows). */
@Entity
@Table(name = "deadline_rule")
public class DeadlineRuleEntity {

  @Id public Long id;

  /** 'CN' nationwide, or the 2-digit code of the province that overrides it. */
  @Column(nullable = false)
  public String jurisdiction;

  @Column(nullable = false)
  public String step;

  @Column(nullable = false)
  public int days;

  /** CALENDAR (日) or WORKING (工作日). */
  @Column(name = "day_kind", nullable = false)
  public String dayKind;

  @Column(name = "starts_at", nullable = false)
  public String startsAt;

  @Column(name = "effective_from", nullable = false)
  public LocalDate effectiveFrom;

  @Column(nullable = false)
  public String version;

  @Column(nullable = false)
  public String source;
}
