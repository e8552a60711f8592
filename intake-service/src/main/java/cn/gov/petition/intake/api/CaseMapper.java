package cn.gov.petition.intake.api;

import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.common.security.PersonalDataShown;
import cn.gov.petition.intake.Lifecycle;
import cn.gov.petition.intake.RepeatDetector;
import cn.gov.petition.intake.store.AccusedEntity;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.CaseStepEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Entity to API, masking personal data for readers who may not see it: petitioners' data outside
 * the units that registered, handle or review the case (a confidential petitioner's outside the
 * registering office), and an accusation's text and accused outside those units.
 */
@ApplicationScoped
public class CaseMapper {

  static final String WITHHELD = "***";

  private final Lifecycle lifecycle;
  private final CaseRepository cases;
  private final PersonalDataShown personalData;

  public CaseMapper(Lifecycle lifecycle, CaseRepository cases, PersonalDataShown personalData) {
    this.lifecycle = lifecycle;
    this.cases = cases;
    this.personalData = personalData;
  }

  CaseView toView(PetitionCaseEntity entity, Caller caller) {
    boolean involved = entity.involves(caller.unit());
    boolean petitionersVisible = entity.showsPetitionersTo(caller.unit());
    boolean contentVisible =
        involved || entity.assistingUnits.contains(caller.unit()) || !entity.isAccusation();
    if ((petitionersVisible && !entity.petitioners.isEmpty())
        || (entity.isAccusation() && contentVisible)) {
      personalData.mark();
    }
    return new CaseView(
        entity.id.toString(),
        entity.caseNumber,
        entity.status.name(),
        entity.status.label(),
        entity.petitionClass.name(),
        Objects.toString(entity.purpose, null),
        entity.purpose == null ? null : entity.purpose.label(),
        entity.channel.name(),
        entity.origin.name(),
        entity.intermediaryName == null
            ? null
            : new CaseView.Intermediary(entity.intermediaryName, entity.intermediaryPost),
        entity.receivedOn,
        entity.registeredAt,
        entity.registeringUnit,
        entity.matterRegionCode,
        entity.category,
        Categories.table().path(entity.category),
        contentVisible ? entity.content : WITHHELD,
        entity.personCount,
        entity.involvedCount,
        entity.collective,
        entity.anonymous,
        entity.confidential,
        entity.repeatOf == null ? null : repeat(entity),
        entity.escalated,
        entity.handlingUnit == null
            ? null
            : new CaseView.Unit(
                entity.handlingUnit, entity.handlingUnitName, entity.handlingRegion),
        entity.staff,
        entity.routingMode,
        entity.routingExplanation,
        entity.assignedOn,
        List.copyOf(entity.informedUnits),
        entity.handedToNode == null && entity.receivedFromNode == null
            ? null
            : new CaseView.Handoff(
                entity.handedToNode,
                entity.handedOffAt,
                entity.handoffAcceptedAt,
                entity.receivedFromNode,
                entity.receivedAt),
        entity.reviewUnit,
        entity.rereviewUnit,
        Objects.toString(entity.opinionOutcome, null),
        Objects.toString(entity.satisfaction, null),
        Objects.toString(entity.officeSatisfaction, null),
        entity.anonymisedOn,
        lifecycle.stepsOf(entity).stream().map(CaseMapper::step).toList(),
        entity.petitioners.stream()
            .sorted(Comparator.comparingInt(p -> p.position))
            .map(p -> petitioner(p, petitionersVisible))
            .toList(),
        entity.accused.stream()
            .sorted(Comparator.comparingInt(a -> a.position))
            .map(a -> accused(a, contentVisible))
            .toList());
  }

  /** The earlier case of a repeat; only its id when it is kept on another node. */
  private CaseView.RepeatView repeat(PetitionCaseEntity entity) {
    PetitionCaseEntity earlier = cases.findById(entity.repeatOf);
    if (earlier == null) {
      return new CaseView.RepeatView(
          entity.repeatOf.toString(),
          null,
          null,
          null,
          null,
          entity.repeatSimilarity,
          Objects.toString(entity.repeatMatchedOn, null));
    }
    return repeat(earlier, entity.repeatSimilarity, entity.repeatMatchedOn);
  }

  /**
   * The earlier case as a repeat's registrar may see it: number, status, unit; nothing personal.
   */
  static CaseView.RepeatView repeat(
      PetitionCaseEntity earlier, Double similarity, RepeatDetector.MatchedOn matchedOn) {
    return new CaseView.RepeatView(
        earlier.id.toString(),
        earlier.caseNumber,
        earlier.status.name(),
        earlier.status.label(),
        earlier.handlingUnitName,
        similarity,
        Objects.toString(matchedOn, null));
  }

  static CaseView.StepView step(CaseStepEntity s) {
    String state =
        s.doneOn == null
            ? "OPEN"
            : s.withdrawn ? "WITHDRAWN" : s.doneOn.isAfter(s.dueOn) ? "LATE" : "ON_TIME";
    return new CaseView.StepView(
        s.step.name(),
        s.step.label(),
        s.unitCode,
        s.startedOn,
        s.dueOn,
        s.doneOn,
        state,
        s.provisional,
        s.calendarVersion,
        s.days,
        s.extensionDays,
        s.excludedDays);
  }

  private static CaseView.PetitionerView petitioner(PetitionerEntity p, boolean visible) {
    if (visible) {
      return new CaseView.PetitionerView(
          p.kind.name(),
          p.name,
          Objects.toString(p.idType, null),
          p.idNumber,
          p.phone,
          p.address,
          p.addressRegionCode);
    }
    return new CaseView.PetitionerView(
        p.kind.name(),
        Masking.name(p.name),
        Objects.toString(p.idType, null),
        Masking.keepEnds(p.idNumber, 4, 4),
        Masking.keepEnds(p.phone, 3, 4),
        p.address == null ? null : WITHHELD,
        p.addressRegionCode);
  }

  private static CaseView.AccusedView accused(AccusedEntity a, boolean visible) {
    if (visible) {
      return new CaseView.AccusedView(
          a.kind.name(), a.name, a.unitCode, a.unitName, a.post, a.rank, a.leader);
    }
    return new CaseView.AccusedView(
        a.kind.name(), Masking.name(a.name), null, null, null, null, null);
  }
}
