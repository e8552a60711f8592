package cn.gov.petition.intake.store;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 信访件: a registered petition and where it stands. */
@Entity
@Table(name = "petition_case")
public class PetitionCaseEntity {

  @Id public UUID id;

  @Column(name = "case_number", nullable = false, unique = true)
  public String caseNumber;

  @Column(name = "query_code", nullable = false)
  public String queryCode;

  @Column(nullable = false)
  public String channel;

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

  @Column(nullable = false)
  public String content;

  @Column(name = "person_count", nullable = false)
  public int personCount;

  @Column(nullable = false)
  public String status;

  @Column(name = "handling_unit")
  public String handlingUnit;

  @Column(name = "handling_unit_name")
  public String handlingUnitName;

  @Column(name = "handling_region")
  public String handlingRegion;

  @Column(name = "routing_mode")
  public String routingMode;

  @Column(name = "routing_explanation")
  public String routingExplanation;

  @Column(name = "assigned_on")
  public LocalDate assignedOn;

  /** 建议意见 / 检举控告 / 申诉求决, see {@code PetitionClass}. */
  @Column(name = "petition_class", nullable = false)
  public String petitionClass;

  @Column(name = "accepted_on")
  public LocalDate acceptedOn;

  /** Whether the one extension of the handling period (Art 34) has been used. */
  @Column(nullable = false)
  public boolean extended;

  @Column(name = "opinion_outcome")
  public String opinionOutcome;

  public String satisfaction;

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

  @Column(name = "idempotency_key", unique = true)
  public String idempotencyKey;

  @Version public int version;

  /** Whether the unit registered, handles or reviews the case: it sees personal data. */
  public boolean involves(String unit) {
    return unit.equals(registeringUnit)
        || unit.equals(handlingUnit)
        || unit.equals(reviewUnit)
        || unit.equals(rereviewUnit);
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
}
