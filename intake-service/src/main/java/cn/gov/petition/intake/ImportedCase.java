package cn.gov.petition.intake;

import cn.gov.petition.contracts.Step;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 历史案件: one case of an office's former system as the import takes it (docs/migration.md): the
 * petition as it was registered, who registered it, every step it went through with its real date
 * and actor, and the due dates the old system recorded, to compare with the platform's.
 *
 * @param line the record's line (JSON Lines) or row (XLSX) in the file, for the report
 * @param oldCaseNumber the case's number in the former system: what makes a second import of the
 *     same file change nothing
 * @param steps oldest first; registration itself is not one of them
 * @param oldDueDates the due date the former system recorded for each step it counted
 */
public record ImportedCase(
    int line,
    String oldCaseNumber,
    Petition petition,
    Actor registeredBy,
    List<ImportedStep> steps,
    Map<Step, LocalDate> oldDueDates) {

  public ImportedCase {
    steps = steps == null ? List.of() : List.copyOf(steps);
    oldDueDates = oldDueDates == null ? Map.of() : Map.copyOf(oldDueDates);
  }

  /** Who took a step: the unit's code (e.g. {@code 530302:zjj}) and the staff member's name. */
  public record Actor(String unit, String user) {}

  /**
   * 办理步骤: one act on the case as the former system recorded it.
   *
   * @param act what was done, as the platform's transition of the same meaning
   * @param on the day it was done (北京时间)
   * @param toUnit the unit a 转送 / 交办 or an upheld objection sent the matter to
   * @param days the days an extension added (at most 30, Art 35)
   * @param outcome an opinion's outcome ({@link OpinionOutcome}), an evaluation's ({@link
   *     Satisfaction}) or the statutory channel a referral named ({@link StatutoryRoute})
   * @param text the reason, opinion or note recorded with the act (personal data: sealed at rest)
   * @param checklist a closure's or termination's 三到位一处理 (Art 27)
   */
  public record ImportedStep(
      Transition act,
      LocalDate on,
      Actor by,
      String toUnit,
      Integer days,
      String outcome,
      String text,
      Acts.Checklist checklist) {}
}
