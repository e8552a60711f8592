package cn.gov.petition.intake;

import cn.gov.petition.intake.store.PetitionCaseEntity;

/**
 * What a registration did.
 *
 * @param outcome whether a case was opened, opened and answered 不再受理, or not opened
 * @param petitionCase the new case; for {@link Outcome#LINKED_TO_OPEN_CASE} the earlier one
 * @param repeatOf the earlier case this petition repeats, or null
 * @param similarity how alike the content was to the earlier case's, or null
 * @param matchedOn how the petitioner was recognised, or null
 */
public record Registration(
    Outcome outcome,
    PetitionCaseEntity petitionCase,
    PetitionCaseEntity repeatOf,
    Double similarity,
    RepeatDetector.MatchedOn matchedOn) {

  /** 登记结果. */
  public enum Outcome {
    /** 已登记: a new case (maybe marked 重复信访 of an ended one). */
    REGISTERED,
    /** 不再受理: a new case linked to the terminated one and answered at once. */
    NOT_ACCEPTED_AGAIN,
    /** 重复信访，并入原件: the earlier case is in the procedure; no new case (Art 19(3)). */
    LINKED_TO_OPEN_CASE
  }

  public boolean opensCase() {
    return outcome != Outcome.LINKED_TO_OPEN_CASE;
  }
}
