package cn.gov.petition.intake.store;

import cn.gov.petition.intake.CaseStatus;
import cn.gov.petition.intake.Channel;
import cn.gov.petition.intake.OpinionOutcome;
import cn.gov.petition.intake.Origin;
import cn.gov.petition.intake.PetitionClass;
import cn.gov.petition.intake.Purpose;
import cn.gov.petition.intake.RepeatDetector;
import cn.gov.petition.intake.Satisfaction;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 信访件: a registered petition and where it stands. */
@Entity
@Table(name = "petition_case")
public class PetitionCaseEntity {

  @Id public UUID id;

  @Column(name = "case_number", nullable = false, unique = true)
  public String caseNumber;

  /** 查询码, encrypted at rest: the retry of a registration must be able to return it. */
  @Convert(converter = EncryptedString.class)
  @Column(name = "query_code", nullable = false)
  public String queryCode;

  /** Keyed digest of the query code, by which the public status query finds the case. */
  @Column(name = "query_code_digest", nullable = false)
  public String queryCodeDigest;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Channel channel;

  @Column(name = "received_on", nullable = false)
  public LocalDate receivedOn;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;

  @Column(name = "registering_unit", nullable = false)
  public String registeringUnit;

  @Column(name = "registered_by", nullable = false)
  public String registeredBy;

  @Column(name = "matter_region_code", nullable = false)
  public String matterRegionCode;

  @Column(nullable = false)
  public String category;

  /** Encrypted at rest: it may name people, and an accusation's must not leak. */
  @Convert(converter = EncryptedString.class)
  @Column(nullable = false)
  public String content;

  @Column(name = "person_count", nullable = false)
  public int personCount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public CaseStatus status;

  @Column(name = "handling_unit")
  public String handlingUnit;

  @Column(name = "handling_unit_name")
  public String handlingUnitName;

  @Column(name = "handling_region")
  public String handlingRegion;

  /** 经办人: the staff member of the responsible unit who handles the case, once named. */
  public String staff;

  @Column(name = "routing_mode")
  public String routingMode;

  @Column(name = "routing_explanation")
  public String routingExplanation;

  @Column(name = "assigned_on")
  public LocalDate assignedOn;

  /** 建议意见 / 检举控告 / 申诉求决. */
  @Enumerated(EnumType.STRING)
  @Column(name = "petition_class", nullable = false)
  public PetitionClass petitionClass;

  @Column(name = "accepted_on")
  public LocalDate acceptedOn;

  /** Whether the one extension of the handling period (Art 34) has been used. */
  @Column(nullable = false)
  public boolean extended;

  @Enumerated(EnumType.STRING)
  @Column(name = "opinion_outcome")
  public OpinionOutcome opinionOutcome;

  /** 满意度: the petitioner's rating of the answer, of the unit with authority. */
  @Enumerated(EnumType.STRING)
  public Satisfaction satisfaction;

  /** The petitioner's rating of the 信访 office that took and followed the case (V24). */
  @Enumerated(EnumType.STRING)
  @Column(name = "office_satisfaction")
  public Satisfaction officeSatisfaction;

  @Column(name = "review_unit")
  public String reviewUnit;

  @Column(name = "review_region")
  public String reviewRegion;

  @Column(name = "rereview_unit")
  public String rereviewUnit;

  @Column(name = "rereview_region")
  public String rereviewRegion;

  /** The day the case was closed (办结), terminated (终结), declined or referred elsewhere. */
  @Column(name = "ended_on")
  public LocalDate endedOn;

  /**
   * 已匿名化: the day the retention job took the case's personal data out ({@link
   * cn.gov.petition.intake.Retention}); null while it keeps them.
   */
  @Column(name = "anonymised_on")
  public LocalDate anonymisedOn;

  /** 信访目的. */
  @Enumerated(EnumType.STRING)
  public Purpose purpose;

  /** DIRECT, AGENT (信访代办), LEADER_RECEPTION (领导接访) or NATIONAL_TRANSFER. */
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Origin origin;

  /** The agent or leader who took the petition in. */
  @Convert(converter = EncryptedString.class)
  @Column(name = "intermediary_name")
  public String intermediaryName;

  @Column(name = "intermediary_post")
  public String intermediaryPost;

  /** 涉及人数. */
  @Column(name = "involved_count")
  public Integer involvedCount;

  /** 匿名: nobody is named; nobody can be answered. */
  @Column(nullable = false)
  public boolean anonymous;

  /** 保密: the petitioner's identity is shown only to the registering office. */
  @Column(nullable = false)
  public boolean confidential;

  /** 集体访/联名信: as many people together as the configured threshold, or more. */
  @Column(nullable = false)
  public boolean collective;

  /** 越级走访 (Art 20): registered two or more levels above the level with authority. */
  @Column(nullable = false)
  public boolean escalated;

  /** New facts or reasons the clerk recorded, which make a repeat a new case. */
  @Convert(converter = EncryptedString.class)
  @Column(name = "new_facts")
  public String newFacts;

  /** 重复信访: the earlier case of the same petitioner about the same matter. */
  @Column(name = "repeat_of")
  public UUID repeatOf;

  /** How alike the content was to the earlier case's (0..1), see {@code ContentSimilarity}. */
  @Column(name = "repeat_similarity")
  public Double repeatSimilarity;

  /** How the petitioner was recognised. */
  @Enumerated(EnumType.STRING)
  @Column(name = "repeat_matched_on")
  public RepeatDetector.MatchedOn repeatMatchedOn;

  @Column(name = "idempotency_key", unique = true)
  public String idempotencyKey;

  /**
   * 原系统案件编号: the case's number in the office's former system, for a case imported from it
   * (docs/migration.md); null for a case registered here.
   */
  @Column(name = "old_case_number", unique = true)
  public String oldCaseNumber;

  /** SHA-256 of the request the key answered: the same key with another request is refused. */
  @Column(name = "idempotency_fingerprint")
  public String idempotencyFingerprint;

  /**
   * 三跨三分离: the 信访 offices of the counties where the petitioners live or are registered, informed of
   * the case (抄告); they see it as any reader outside the handling units does, masked.
   */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "informed_units", nullable = false)
  public List<String> informedUnits = new ArrayList<>();

  /**
   * 协办单位: the units the lead unit (主办, the handling unit) asked to assist, each owing its
   * contribution by its own day ({@code ASSIST} step). They see the case, its content included, but
   * not who petitioned; a request withdrawn before its contribution takes the unit off.
   */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "assisting_units", nullable = false)
  public List<String> assistingUnits = new ArrayList<>();

  /**
   * For an accusation: the accused units and every unit inside their departments at their level, as
   * routing found them. The case never reaches one of them (Art 30(3)).
   */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "excluded_units", nullable = false)
  public List<String> excludedUnits = new ArrayList<>();

  /**
   * 已移交: the node this case was handed to, which owns it now. This node keeps a read-only copy and
   * refuses every transition (exactly one node acts on a case).
   */
  @Column(name = "handed_to_node")
  public String handedToNode;

  @Column(name = "handed_off_at")
  public Instant handedOffAt;

  /**
   * The public handoff key of the node the case was handed to, as its routing decision carried it:
   * an attachment added here afterwards is sealed for that node with it.
   */
  @Column(name = "handed_to_key")
  public String handedToKey;

  /** The latest handoff of the case, sent or received. */
  @Column(name = "handoff_id")
  public UUID handoffId;

  /** When the receiving node confirmed that it owns the case (移交回执). */
  @Column(name = "handoff_accepted_at")
  public Instant handoffAcceptedAt;

  /** The node that handed this case here, if it was registered elsewhere. */
  @Column(name = "received_from_node")
  public String receivedFromNode;

  @Column(name = "received_at")
  public Instant receivedAt;

  @Version public int version;

  /** Whether this node owns the case: it has not handed it to another node. */
  public boolean isOwnedHere() {
    return handedToNode == null;
  }

  /** Whether the unit registered, handles or reviews the case: it sees personal data. */
  public boolean involves(String unit) {
    return unit.equals(registeringUnit)
        || unit.equals(handlingUnit)
        || unit.equals(reviewUnit)
        || unit.equals(rereviewUnit);
  }

  /**
   * Whether the unit sees who petitioned: the units involved, except that a confidential
   * petitioner's identity is shown to the registering office only.
   */
  public boolean showsPetitionersTo(String unit) {
    return confidential ? unit.equals(registeringUnit) : involves(unit);
  }

  /** The unit that must act now: the re-review body, else the review body, else the handler. */
  public String responsibleUnit() {
    if (rereviewUnit != null) {
      return rereviewUnit;
    }
    if (reviewUnit != null) {
      return reviewUnit;
    }
    return handlingUnit != null ? handlingUnit : registeringUnit;
  }

  public String responsibleRegion() {
    if (rereviewRegion != null) {
      return rereviewRegion;
    }
    if (reviewRegion != null) {
      return reviewRegion;
    }
    return handlingRegion != null ? handlingRegion : registeringUnit.split(":")[0];
  }

  /** In no particular order when loaded: sort by {@link PetitionerEntity#position}. */
  @OneToMany(mappedBy = "petitionCase", cascade = CascadeType.ALL, orphanRemoval = true)
  public List<PetitionerEntity> petitioners = new ArrayList<>();

  /** 被反映人（单位）of an accusation; sort by {@link AccusedEntity#position}. */
  @OneToMany(mappedBy = "petitionCase", cascade = CascadeType.ALL, orphanRemoval = true)
  public List<AccusedEntity> accused = new ArrayList<>();

  /**
   * Whether the unit is named as accused, or is inside an accused unit's department at its level:
   * it never sees the case, nor is it sent the case (Art 30(3)).
   */
  public boolean accuses(String unit) {
    return accused.stream().anyMatch(a -> unit.equals(a.unitCode)) || excludedUnits.contains(unit);
  }

  public boolean isAccusation() {
    return petitionClass == PetitionClass.ACCUSATION;
  }
}
