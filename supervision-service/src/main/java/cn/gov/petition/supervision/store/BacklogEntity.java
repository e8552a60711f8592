package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.BacklogStatus;
import cn.gov.petition.supervision.Ground;
import cn.gov.petition.supervision.Resolution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 积案: a case taken on by a leader (领导包案) with a work team and a plan until it is crossed off (销号)
 * after the 一案双督 checks pass.
 */
@Entity
@Table(name = "backlog_case")
public class BacklogEntity {

  @Id public UUID id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "case_id")
  public CaseEntity standing;

  /** The region of the unit that has the case now (kept by the case-events consumer). */
  @Column(name = "unit_region_code", nullable = false)
  public String unitRegionCode;

  /** Why it is backlog, e.g. "OVERDUE,REPEATED" ({@link Ground}). */
  @Column(nullable = false)
  public String grounds;

  /** 包案领导. */
  @Column(name = "leader_name", nullable = false)
  public String leaderName;

  @Column(name = "leader_post", nullable = false)
  public String leaderPost;

  /** 工作专班: members, each "name, unit and post". */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<String> team = new ArrayList<>();

  /** 化解方案. */
  @Column(nullable = false)
  public String plan;

  @Column(name = "resolve_by", nullable = false)
  public LocalDate resolveBy;

  @Column(name = "listed_on", nullable = false)
  public LocalDate listedOn;

  @Column(name = "listed_by", nullable = false)
  public String listedBy;

  /** The subtree of the office that put it on the list; that level crosses it off. */
  @Column(name = "listing_region", nullable = false)
  public String listingRegion;

  /** 化解报告: the written report of how it was resolved. */
  public String report;

  @Column(name = "reported_on")
  public LocalDate reportedOn;

  /** OPEN, then CROSSED_OFF. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public BacklogStatus status;

  /** Which of 三到位一处理 was reached, given when it is crossed off. */
  @Enumerated(EnumType.STRING)
  public Resolution resolution;

  /** 息诉罢访意见: the petitioner's own written position, where there is no satisfied evaluation. */
  @Column(name = "petitioner_statement")
  public String petitionerStatement;

  @Column(name = "crossed_off_on")
  public LocalDate crossedOffOn;

  @Column(name = "crossed_off_by")
  public String crossedOffBy;
}
