package cn.gov.petition.intake;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.intake.ImportedCase.ImportedStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules an imported case must keep before anything of it is stored (docs/migration.md): the
 * petition as registration would take it ({@link RegistrationRules}), every step one the lifecycle
 * allows after the one before it (docs/lifecycle.md), on a real day between receipt and today in
 * the order the steps were taken, with what each kind of step must record; and no former case
 * number twice in one file. Each broken rule is one error naming the field, the rule and, in
 * Chinese, what is wrong, so that the office can mend its export row by row.
 */
public final class ImportRules {

  /** The acts a former system's history can hold; the others are the platform's own. */
  static final Set<Transition> IMPORTABLE =
      EnumSet.complementOf(
          EnumSet.of(
              Transition.REGISTERED,
              Transition.REPEAT_RECEIVED,
              Transition.NOT_ACCEPTED_AGAIN,
              Transition.DEADLINES_RECOMPUTED));

  private static final Units UNITS = Units.national();

  private ImportRules() {}

  /** Every rule the case breaks; empty if it can be imported. */
  public static List<FieldError> check(ImportedCase imported, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (imported.oldCaseNumber() == null || imported.oldCaseNumber().isBlank()) {
      errors.add(error("oldCaseNumber", "Required", "缺少原系统案件编号"));
    } else if (imported.oldCaseNumber().length() > 64) {
      errors.add(error("oldCaseNumber", "Size", "原系统案件编号超过 64 个字符"));
    }
    Petition petition = imported.petition();
    if (petition == null || petition.receivedOn() == null) {
      errors.add(error("registration.receivedOn", "Required", "缺少收信/来访日期"));
      return errors;
    }
    try {
      RegistrationRules.check(petition);
    } catch (ProblemException broken) {
      for (FieldError e : broken.problem().errors()) {
        errors.add(error("registration." + e.field(), e.rule(), "登记信息不符合规定：" + e.message()));
      }
    }
    if (petition.receivedOn().isAfter(today)) {
      errors.add(error("registration.receivedOn", "NotInFuture", "收信/来访日期晚于今天"));
    }
    if (imported.registeredBy() == null || unknownUnit(imported.registeredBy().unit())) {
      errors.add(error("registeredBy.unit", "KnownUnit", "登记单位不是本平台的单位代码"));
    }
    checkSteps(imported, today, errors);
    return errors;
  }

  private static void checkSteps(ImportedCase imported, LocalDate today, List<FieldError> errors) {
    LocalDate received = imported.petition().receivedOn();
    LocalDate previous = received;
    CaseStatus status = CaseStatus.REGISTERED;
    CaseStatus routed = null;
    List<ImportedStep> steps = imported.steps();
    for (int i = 0; i < steps.size(); i++) {
      ImportedStep step = steps.get(i);
      String at = "steps[" + i + "]";
      if (step == null || step.act() == null) {
        errors.add(error(at + ".act", "Required", "第 " + (i + 1) + " 个办理步骤缺少办理动作"));
        return;
      }
      Transition act = step.act();
      if (!IMPORTABLE.contains(act)) {
        errors.add(error(at + ".act", "Importable", "「" + act.label() + "」由平台自行记录，不能导入"));
        return;
      }
      if (!act.allowedFrom(status)) {
        errors.add(
            error(
                at + ".act",
                "StepOrder",
                "「" + act.label() + "」不能在案件处于「" + status.label() + "」时发生（步骤顺序不符合办理程序）"));
        return;
      }
      if (step.on() == null) {
        errors.add(error(at + ".on", "Required", "缺少办理日期"));
      } else if (step.on().isBefore(received)) {
        errors.add(error(at + ".on", "NotBeforeReceipt", "办理日期早于收信/来访日期 " + received));
      } else if (step.on().isBefore(previous)) {
        errors.add(error(at + ".on", "InOrder", "办理日期早于上一步骤的日期 " + previous));
      } else if (step.on().isAfter(today)) {
        errors.add(error(at + ".on", "NotInFuture", "办理日期晚于今天"));
      } else {
        previous = step.on();
      }
      if (step.by() == null || unknownUnit(step.by().unit())) {
        errors.add(error(at + ".by.unit", "KnownUnit", "办理单位不是本平台的单位代码"));
      }
      checkDetails(step, at, errors);
      if (act == Transition.OBJECTED) {
        routed = status; // where routing had sent the case: a decided objection returns it there
      }
      boolean objectionDecided =
          act == Transition.OBJECTION_UPHELD || act == Transition.OBJECTION_REJECTED;
      status = objectionDecided ? routed : act.target(status);
    }
  }

  private static void checkDetails(ImportedStep step, String at, List<FieldError> errors) {
    switch (step.act()) {
      case FORWARDED, ASSIGNED, OBJECTION_UPHELD -> {
        if (unknownUnit(step.toUnit())) {
          errors.add(error(at + ".toUnit", "KnownUnit", "缺少转送/交办的单位，或单位代码不存在"));
        }
      }
      case EXTENDED -> {
        if (step.days() == null || step.days() < 1 || step.days() > 30) {
          errors.add(error(at + ".days", "Range", "延长期限须为 1 至 30 日（第三十五条）"));
        }
        if (blank(step.text())) {
          errors.add(error(at + ".text", "Required", "延长办理期限须写明理由"));
        }
      }
      case OPINION_ISSUED, REVIEW_ISSUED, REREVIEW_ISSUED -> {
        if (!isOneOf(step.outcome(), OpinionOutcome.class)) {
          errors.add(error(at + ".outcome", "OneOf", "处理意见须为 SUPPORTED、EXPLAINED 或 NOT_SUPPORTED"));
        }
      }
      case EVALUATED -> {
        if (!isOneOf(step.outcome(), Satisfaction.class)) {
          errors.add(
              error(at + ".outcome", "OneOf", "满意度须为 SATISFIED、BASICALLY_SATISFIED 或 UNSATISFIED"));
        }
      }
      case REFERRED -> {
        if (!isOneOf(step.outcome(), StatutoryRoute.class)) {
          errors.add(
              error(
                  at + ".outcome",
                  "OneOf",
                  "告知的途径须为 LITIGATION、ARBITRATION、PARTY_APPEAL、ADMINISTRATIVE 或 LAW_ENFORCEMENT（第三十一条）"));
        }
        if (blank(step.text())) {
          errors.add(error(at + ".text", "Required", "「" + step.act().label() + "」须写明告知内容"));
        }
      }
      case DECLINED -> {
        if (blank(step.text())) {
          errors.add(error(at + ".text", "Required", "「" + step.act().label() + "」须写明理由"));
        }
      }
      case CLOSED, TERMINATED -> {
        if (step.checklist() == null || step.checklist().isEmpty()) {
          errors.add(
              error(
                  at + ".checklist",
                  "ThreeInPlaceOneDealt",
                  "「" + step.act().label() + "」须写明三到位一处理中至少一项的情况（第二十七条）"));
        }
      }
      default -> {}
    }
  }

  /**
   * The errors of a whole file's cases by line: each case's own, and a former case number used on
   * an earlier line too.
   */
  public static Map<Integer, List<FieldError>> checkAll(List<ImportedCase> cases, LocalDate today) {
    Map<Integer, List<FieldError>> report = new java.util.TreeMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (ImportedCase imported : cases) {
      List<FieldError> errors = new ArrayList<>(check(imported, today));
      String number = imported.oldCaseNumber();
      if (number != null && !number.isBlank()) {
        Integer earlier = firstLine.putIfAbsent(number, imported.line());
        if (earlier != null) {
          errors.add(error("oldCaseNumber", "Unique", "原系统案件编号与第 " + earlier + " 行重复"));
        }
      }
      if (!errors.isEmpty()) {
        report.put(imported.line(), List.copyOf(errors));
      }
    }
    return report;
  }

  private static boolean unknownUnit(String code) {
    return code == null || UNITS.find(code).isEmpty();
  }

  private static <E extends Enum<E>> boolean isOneOf(String value, Class<E> values) {
    if (value == null) {
      return false;
    }
    for (E constant : values.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static FieldError error(String field, String rule, String message) {
    return new FieldError(field, rule, message);
  }
}
