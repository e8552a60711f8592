package cn.gov.petition.intake.api;

import cn.gov.petition.common.events.Step;
import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.CaseStatus;
import cn.gov.petition.intake.Lifecycle;
import cn.gov.petition.intake.store.CaseStepEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;

/** Entity to API, masking personal data for readers outside the units that handle the case. */
@ApplicationScoped
public class CaseMapper {

  private final Lifecycle lifecycle;

  public CaseMapper(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  CaseView toView(PetitionCaseEntity entity, Caller caller) {
    boolean personalDataVisible = entity.involves(caller.unit());
    return new CaseView(
        entity.id.toString(),
        entity.caseNumber,
        entity.status,
        CaseStatus.valueOf(entity.status).label(),
        entity.petitionClass,
        entity.channel,
        entity.receivedOn,
        entity.registeredAt,
        entity.registeringUnit,
        entity.matterRegionCode,
        entity.category,
        Categories.table().path(entity.category),
        entity.content,
        entity.personCount,
        entity.handlingUnit == null
            ? null
            : new CaseView.Unit(
                entity.handlingUnit, entity.handlingUnitName, entity.handlingRegion),
        entity.routingMode,
        entity.routingExplanation,
        entity.assignedOn,
        entity.reviewUnit,
        entity.rereviewUnit,
        entity.opinionOutcome,
        entity.satisfaction,
        lifecycle.stepsOf(entity).stream().map(CaseMapper::step).toList(),
        entity.petitioners.stream()
            .sorted(Comparator.comparingInt(p -> p.position))
            .map(p -> petitioner(p, personalDataVisible))
            .toList());
  }

  static CaseView.StepView step(CaseStepEntity s) {
    String state = s.doneOn == null ? "OPEN" : s.doneOn.isAfter(s.dueOn) ? "LATE" : "ON_TIME";
    return new CaseView.StepView(
        s.step, Step.valueOf(s.step).label(), s.unitCode, s.startedOn, s.dueOn, s.doneOn, state);
  }

  private static CaseView.PetitionerView petitioner(PetitionerEntity p, boolean visible) {
    if (visible) {
      return new CaseView.PetitionerView(p.name, p.idNumber, p.phone, p.address);
    }
    return new CaseView.PetitionerView(
        Masking.name(p.name),
        Masking.keepEnds(p.idNumber, 4, 4),
        Masking.keepEnds(p.phone, 3, 4),
        p.address == null ? null : "***");
  }
}
