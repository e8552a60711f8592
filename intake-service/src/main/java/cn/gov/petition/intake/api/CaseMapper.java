package cn.gov.petition.intake.api;

import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;

/** Entity to API, masking personal data for readers outside the handling or registering unit. */
final class CaseMapper {

  private CaseMapper() {}

  static CaseView toView(PetitionCaseEntity entity, Caller caller) {
    boolean personalDataVisible =
        caller.unit().equals(entity.handlingUnit) || caller.unit().equals(entity.registeringUnit);
    return new CaseView(
        entity.id.toString(),
        entity.caseNumber,
        entity.status,
        entity.channel,
        entity.receivedOn,
        entity.registeredAt,
        entity.registeringUnit,
        entity.matterRegionCode,
        entity.category,
        entity.content,
        entity.personCount,
        entity.handlingUnit == null
            ? null
            : new CaseView.Unit(
                entity.handlingUnit, entity.handlingUnitName, entity.handlingRegion),
        entity.routingMode,
        entity.routingExplanation,
        entity.assignedOn,
        entity.acceptDueOn,
        entity.petitioners.stream()
            .sorted(java.util.Comparator.comparingInt(p -> p.position))
            .map(p -> petitioner(p, personalDataVisible))
            .toList());
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
