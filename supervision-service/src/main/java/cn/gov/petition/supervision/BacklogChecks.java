package cn.gov.petition.supervision;

import cn.gov.petition.supervision.store.BacklogEntity;
import cn.gov.petition.supervision.store.ClockEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 一案双督: the checks a backlog case must pass before it is crossed off. Substance (实体): the case is
 * closed or terminated, which intake allows only with the 三到位一处理 checklist (Art 27), and the
 * petitioner is satisfied or has said in writing that the matter is settled (息诉罢访). Procedure (程序):
 * no step of a unit is still open, every step begun since the case went on the list was done on
 * time, and the resolution report is in (with the unit's closing report for an assigned matter).
 */
public final class BacklogChecks {

  /** One check: its name, 实体 (SUBSTANCE) or 程序 (PROCEDURE), whether it passed, and why. */
  public record Check(String name, String kind, boolean passed, String detail) {}

  private static final Set<String> CONCLUDED = Set.of("CLOSED", "TERMINATED");
  private static final Set<String> CONTENT = Set.of("SATISFIED", "BASICALLY_SATISFIED");

  private BacklogChecks() {}

  /**
   * The checks as they stand.
   *
   * @param entry the backlog case
   * @param clocks every clock of the case
   * @param petitionerStatement the petitioner's written position offered with a crossing-off, or
   *     null
   */
  public static List<Check> of(
      BacklogEntity entry, List<ClockEntity> clocks, String petitionerStatement) {
    List<Check> checks = new ArrayList<>();
    String status = entry.standing.status;
    checks.add(
        new Check(
            "caseConcluded",
            "SUBSTANCE",
            CONCLUDED.contains(status),
            CONCLUDED.contains(status)
                ? "案件已办结或终结，三到位一处理已核 / closed with the Art 27 checklist"
                : "案件状态为 " + status + "，尚未办结或终结 / not closed or terminated yet"));
    checks.add(petitionerPosition(entry.standing.evaluation, petitionerStatement));

    List<ClockEntity> owed = clocks.stream().filter(c -> c.step.judgesTheCase()).toList();
    String open =
        owed.stream()
            .filter(c -> c.status == ClockStatus.OPEN)
            .map(c -> label(c) + "（" + c.dueOn + " 到期）")
            .collect(Collectors.joining("、"));
    checks.add(
        new Check(
            "stepsDone",
            "PROCEDURE",
            open.isEmpty(),
            open.isEmpty() ? "各办理环节均已完成 / every step done" : "尚未完成：" + open));
    String late =
        owed.stream()
            .filter(c -> c.status == ClockStatus.LATE && !c.startedOn.isBefore(entry.listedOn))
            .map(c -> label(c) + "（" + c.dueOn + " 到期，" + c.doneOn + " 完成）")
            .collect(Collectors.joining("、"));
    checks.add(
        new Check(
            "stepsOnTime",
            "PROCEDURE",
            late.isEmpty(),
            late.isEmpty()
                ? "包案以来各环节均按期完成 / every step since listing on time"
                : "包案以来超期完成：" + late));
    checks.add(closingReport(entry));
    return checks;
  }

  private static Check petitionerPosition(String evaluation, String statement) {
    if (evaluation != null && CONTENT.contains(evaluation)) {
      return new Check(
          "petitionerPosition", "SUBSTANCE", true, "信访人评价：" + evaluation + " / evaluated content");
    }
    if (statement != null && !statement.isBlank()) {
      return new Check(
          "petitionerPosition",
          "SUBSTANCE",
          true,
          "信访人已书面表示息诉罢访 / the petitioner's written statement");
    }
    return new Check(
        "petitionerPosition",
        "SUBSTANCE",
        false,
        (evaluation == null ? "信访人未评价" : "信访人评价为 " + evaluation)
            + "，且无息诉罢访书面意见 / neither content nor a written statement");
  }

  private static Check closingReport(BacklogEntity entry) {
    if (entry.report == null) {
      return new Check("closingReport", "PROCEDURE", false, "未提交化解报告 / no resolution report yet");
    }
    if ("ASSIGN".equals(entry.standing.mode) && !entry.standing.reportSubmitted) {
      return new Check(
          "closingReport",
          "PROCEDURE",
          false,
          "交办件的办结报告尚未报送 / the assigned matter's closing report is missing");
    }
    return new Check(
        "closingReport", "PROCEDURE", true, "化解报告已于 " + entry.reportedOn + " 提交 / report in");
  }

  private static String label(ClockEntity clock) {
    return clock.step.label();
  }
}
