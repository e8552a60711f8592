package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.ReceptionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** 领导接访日: one leader's reception day, planned, then held or not. */
@Entity
@Table(name = "reception_day")
public class ReceptionDayEntity {
  @Id public UUID id;

  /** The leader as the office publishes the schedule (name). */
  @Column(nullable = false)
  public String leader;

  /** 职务, e.g. 区长. */
  @Column(nullable = false)
  public String post;

  /** The region whose leader this is: its level sets the minimum frequency. */
  @Column(nullable = false)
  public String region;

  @Column(name = "planned_on", nullable = false)
  public LocalDate plannedOn;

  @Column(nullable = false)
  public String place;

  /** PLANNED, HELD or NOT_HELD. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ReceptionStatus status;

  /** 接待人次 and 批次, when held. */
  public Integer persons;

  public Integer batches;

  public String note;

  @Column(name = "planned_by", nullable = false)
  public String plannedBy;

  @Column(name = "recorded_by")
  public String recordedBy;
}
