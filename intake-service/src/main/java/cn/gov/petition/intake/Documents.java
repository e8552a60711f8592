package cn.gov.petition.intake;

import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 文书: the written notices and opinions the procedure serves on the petitioner, composed from what
 * the transition recorded in the case history, so that a document prints the same every time. The
 * text is Chinese: it is what the petitioner reads.
 */
public final class Documents {

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private Documents() {}

  /** 文书种类, one per transition that serves a written answer. */
  public enum Kind {
    /** 登记回执: the petition is registered, with its number, and how to follow it. */
    RECEIPT(Transition.REGISTERED, "信访事项登记回执"),
    /** 受理告知书 (Art 22). */
    ACCEPTANCE_NOTICE(Transition.ACCEPTED, "信访事项受理告知书"),
    /** 不予受理告知书. */
    DECLINE_NOTICE(Transition.DECLINED, "信访事项不予受理告知书"),
    /** 告知其他途径 (Art 31). */
    REFERRAL_NOTICE(Transition.REFERRED, "信访事项告知书"),
    /** 延期办理告知书 (Art 34: the petitioner is told of the extension and its reason). */
    EXTENSION_NOTICE(Transition.EXTENDED, "信访事项延期办理告知书"),
    /** 处理意见书 (Art 32). */
    OPINION(Transition.OPINION_ISSUED, "信访事项处理意见书"),
    /** 复查意见书 (Art 35). */
    REVIEW_OPINION(Transition.REVIEW_ISSUED, "信访事项复查意见书"),
    /** 复核意见书 (Art 36). */
    REREVIEW_OPINION(Transition.REREVIEW_ISSUED, "信访事项复核意见书"),
    /** 不再受理告知书 (domain.md 6.2). */
    NOT_ACCEPTED_AGAIN_NOTICE(Transition.NOT_ACCEPTED_AGAIN, "信访事项不再受理告知书"),
    /**
     * 越级走访引导告知 (Art 20): a visit made more than one level above the level with authority is
     * forwarded or assigned there, and the petitioner is told in writing which offices to visit:
     * that level's 信访 office or the one above it. Served by the forwarding, not a transition of its
     * own.
     */
    ESCALATION_GUIDANCE(null, "越级走访引导告知书");

    private final Transition transition;
    private final String title;

    Kind(Transition transition, String title) {
      this.transition = transition;
      this.title = title;
    }

    public String title() {
      return title;
    }

    /** The document a history entry served: its transition's, or the guidance of 越级走访. */
    public static Optional<Kind> of(CaseTransitionEntity t) {
      boolean routed = t.transition == Transition.FORWARDED || t.transition == Transition.ASSIGNED;
      if (routed && Boolean.TRUE.equals(t.details.get("escalated"))) {
        return Optional.of(ESCALATION_GUIDANCE);
      }
      return of(t.transition);
    }

    public static Optional<Kind> of(Transition transition) {
      for (Kind kind : values()) {
        if (kind.transition == transition) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Where the issuing office's seal goes on a printed document, below its name and the date: the
   * platform prints the place, the office stamps it (or its e-seal system replaces the mark).
   */
  public static final String SEAL = "（印章）";

  /**
   * A document ready to print, signed by the issuing office in words ({@link Units#nameInWords}),
   * never by its code, with the place of its seal.
   */
  public record Document(
      Kind kind,
      String title,
      String caseNumber,
      String recipient,
      List<Section> sections,
      String issuer,
      String issuedOn,
      String seal) {}

  public record Section(String heading, String text) {}

  /**
   * Composes the document a transition served.
   *
   * @param petitionersShown whether the reader may see the petitioner's name (else 信访人)
   * @param reviewDueOn the last day to ask for a review, for opinions; null otherwise
   */
  public static Document compose(
      PetitionCaseEntity c,
      CaseTransitionEntity t,
      Kind kind,
      boolean petitionersShown,
      LocalDate reviewDueOn) {
    Map<String, Object> d = t.details;
    List<Section> sections = new ArrayList<>();
    String received =
        "您于" + date(c.receivedOn) + "反映的" + Categories.table().path(c.category) + "问题";
    switch (kind) {
      case RECEIPT -> {
        sections.add(
            new Section(
                null,
                received
                    + "，本机关已于"
                    + date(t.occurredOn)
                    + "登记，编号"
                    + c.caseNumber
                    + "。本机关将依照《信访工作条例》第二十一条、第二十二条的规定转送、交办或者告知是否受理。"));
        sections.add(new Section(null, "您可凭登记时告知的查询码在信访事项办理进度查询页面查询办理情况，请妥善保管查询码，勿告知他人。"));
      }
      case EXTENSION_NOTICE -> {
        Object dueOn = d.get("dueOn");
        sections.add(
            new Section(
                null,
                received
                    + "，本机关已依法受理。因情况复杂，经本机关负责人批准，办理期限延长"
                    + text(d, "days")
                    + "日"
                    + (dueOn == null ? "" : "，至" + date(dueOn))
                    + "（《信访工作条例》第三十四条）。"));
        sections.add(new Section("延期理由", text(d, "reason")));
      }
      case ACCEPTANCE_NOTICE -> {
        sections.add(new Section(null, received + "，本机关已依法受理。"));
        sections.add(new Section(null, text(d, "notice")));
        sections.add(new Section(null, "本机关将自受理之日起六十日内办结；情况复杂的，经批准可以适当延长办理期限，并告知延期理由。"));
      }
      case DECLINE_NOTICE -> {
        sections.add(new Section(null, received + "，经审查，本机关决定不予受理。"));
        sections.add(new Section("理由", text(d, "reason")));
        sections.add(new Section("依据", text(d, "legalBasis")));
      }
      case REFERRAL_NOTICE -> {
        sections.add(new Section(null, received + "，依照《信访工作条例》第三十一条，应当通过法定途径解决。"));
        sections.add(new Section(null, text(d, "explanation")));
        sections.add(new Section("受理机关", text(d, "channel")));
      }
      case OPINION, REVIEW_OPINION, REREVIEW_OPINION -> {
        sections.add(new Section("信访请求", text(d, "request")));
        sections.add(new Section("事实", text(d, "facts")));
        if (d.get("assistedBy") instanceof List<?> assisting && !assisting.isEmpty()) {
          sections.add(
              new Section(
                  "协办单位",
                  "本意见经会同"
                      + assisting.stream().map(String::valueOf).collect(Collectors.joining("、"))
                      + "调查核实后作出。"));
        }
        sections.add(new Section("理由", text(d, "reasons")));
        sections.add(new Section("处理意见", outcome(d.get("outcome"))));
        sections.add(new Section("法律依据", text(d, "legalBasis")));
        sections.add(new Section("救济途径", remedy(kind, reviewDueOn)));
      }
      case ESCALATION_GUIDANCE -> {
        String unit = text(d, "unit");
        String unitName = d.get("unitName") == null ? UNITS.nameInWords(unit) : text(d, "unitName");
        sections.add(
            new Section(
                null,
                "您于"
                    + date(c.receivedOn)
                    + "到本机关走访反映的"
                    + Categories.table().path(c.category)
                    + "问题，依法应由"
                    + unitName
                    + "处理，本机关已于"
                    + date(t.occurredOn)
                    + (t.transition == Transition.ASSIGNED ? "交办" : "转送")
                    + "该单位。依照《信访工作条例》第二十条，信访人采用走访形式提出信访事项的，应当到依法有权处理的本级或者上一级机关设立或者指定的接待场所提出。"));
        sections.add(new Section("请您到以下机关反映", competentOffices(unit, unitName)));
        sections.add(new Section(null, "办理进展可凭查询码查询。请勿越级走访，今后反映同一事项，请向上述机关提出。"));
      }
      case NOT_ACCEPTED_AGAIN_NOTICE ->
          sections.add(
              new Section(
                  null,
                  received
                      + "，与已于"
                      + (d.get("terminatedOn") == null ? "此前" : date(d.get("terminatedOn")))
                      + "终结的信访事项（编号"
                      + text(d, "terminatedCase")
                      + "）系同一事实和理由。依照《信访工作条例》第三十六条，该信访事项已经终结，本机关不再受理。"
                      + "如有新的事实和理由，可以另行提出。"));
    }
    return new Document(
        kind,
        kind.title(),
        c.caseNumber,
        recipient(c, petitionersShown),
        sections,
        issuer(c, t),
        date(t.occurredOn),
        SEAL);
  }

  private static String remedy(Kind kind, LocalDate dueOn) {
    String until = dueOn == null ? "" : "（即" + date(dueOn) + "前）";
    return switch (kind) {
      case OPINION -> "如对本处理意见不服，可以自收到本意见书之日起三十日内" + until + "请求原办理机关的上一级机关复查。";
      case REVIEW_OPINION -> "如对本复查意见不服，可以自收到本意见书之日起三十日内" + until + "向复查机关的上一级机关请求复核。";
      default -> "本复核意见为最终意见。信访人对复核意见不服，仍以同一事实和理由提出信访的，不再受理。";
    };
  }

  private static String outcome(Object outcome) {
    if (outcome == null) {
      return "";
    }
    return switch (outcome.toString()) {
      case "SUPPORTED" -> "支持。本机关将督促有关单位执行。";
      case "EXPLAINED" -> "您的请求有一定合理性，但缺乏法律依据，现作出解释说明。";
      case "NOT_SUPPORTED" -> "不予支持。";
      default -> outcome.toString();
    };
  }

  private static String recipient(PetitionCaseEntity c, boolean shown) {
    if (!shown || c.anonymous || c.petitioners.isEmpty()) {
      return "信访人";
    }
    return c.petitioners.stream()
        .sorted(Comparator.comparingInt((PetitionerEntity p) -> p.position))
        .map(p -> p.name)
        .reduce((a, b) -> a + "、" + b)
        .orElse("信访人");
  }

  private static String issuer(PetitionCaseEntity c, CaseTransitionEntity t) {
    if (t.unitCode.equals(c.handlingUnit) && c.handlingUnitName != null) {
      return c.handlingUnitName;
    }
    return UNITS.nameInWords(t.unitCode);
  }

  private static final Units UNITS = Units.national();

  /**
   * The offices a petitioner who skipped levels is sent to (Art 20(1)): the 信访 office of the region
   * with authority over the matter (a township, which has none, receives visits itself: the unit),
   * or the one of the region above it.
   */
  private static String competentOffices(String unitCode, String unitName) {
    String region = unitCode.split(":", 2)[0];
    String own =
        UNITS.find(region + ":" + Units.PETITION_OFFICE).map(Units.Unit::name).orElse(unitName);
    List<Division> path = DivisionTable.national().path(region);
    if (path.size() < 2) {
      return own;
    }
    return own
        + "或"
        + UNITS.nameInWords(path.get(path.size() - 2).code() + ":" + Units.PETITION_OFFICE);
  }

  private static String text(Map<String, Object> details, String key) {
    Object value = details.get(key);
    return value == null ? "" : value.toString();
  }

  /** A day as documents write it: 2026年12月5日. */
  public static String date(Object day) {
    LocalDate date = day instanceof LocalDate l ? l : LocalDate.parse(day.toString());
    return date.format(CHINESE_DATE);
  }

  /** The petitioner's window the opinion names: to ask for a review, or a re-review. */
  public static Optional<Step> remedyStep(Kind kind) {
    return switch (kind) {
      case OPINION -> Optional.of(Step.REQUEST_REVIEW);
      case REVIEW_OPINION -> Optional.of(Step.REQUEST_REREVIEW);
      default -> Optional.empty();
    };
  }
}
