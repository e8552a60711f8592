package cn.gov.petition.intake;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.store.CaseStepEntity;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 办理: what each step of the 《信访工作条例》 procedure decides, who may take it and when. Each method
 * checks its own rules (422 for a field that breaks one, 409 for a step that is not due, 403 for a
 * caller who is not the unit that must act), then records the transition through {@link Lifecycle}.
 * docs/lifecycle.md is the map.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Handling {

  /** The units that exist: a re-routed matter goes only to one of them. */
  private static final Units UNITS = Units.national();

  private final Lifecycle lifecycle;
  private final Deadlines deadlines;
  private final SmsNotices sms;
  private final Handoffs handoffs;

  /** The node's province: a matter's place is corrected within it. */
  private final String province;

  public Handling(
      Lifecycle lifecycle,
      Deadlines deadlines,
      SmsNotices sms,
      Handoffs handoffs,
      @org.eclipse.microprofile.config.inject.ConfigProperty(name = "petition.node.region")
          String node) {
    this.province = node.substring(0, 2);
    this.handoffs = handoffs;
    this.lifecycle = lifecycle;
    this.deadlines = deadlines;
    this.sms = sms;
  }

  /** 告知其他途径 (Art 31(1)–(5), 诉访分离): the matter belongs to a statutory channel. */
  public void refer(PetitionCaseEntity c, Caller caller, Acts.Referral request) {
    var progress = start(HandlingAct.REFERRAL, c, caller);
    c.endedOn = progress.today();
    progress
        .closeAllBut()
        .outcome(request.route().name())
        .detail("channel", request.channel())
        .detail("explanation", request.explanation())
        .record();
    sms.tell(c, SmsTemplates.Notice.REFERRED, Map.of("caseNumber", c.caseNumber));
  }

  /** 受理: the 60-day handling period starts (Art 34). */
  public void accept(PetitionCaseEntity c, Caller caller, String notice) {
    var progress = start(HandlingAct.ACCEPTANCE, c, caller);
    c.acceptedOn = progress.today();
    progress
        .close(Step.ACCEPT)
        .close(Step.OBJECT)
        .open(Step.HANDLE, c.handlingUnit, c.handlingRegion, progress.today())
        .detail("notice", notice)
        .record();
    sms.tell(
        c,
        SmsTemplates.Notice.ACCEPTED,
        Map.of("caseNumber", c.caseNumber, "unit", UNITS.nameInWords(c.handlingUnit)));
  }

  /**
   * 指定经办人: the responsible unit names who handles the case, or hands it over when staff change; the
   * history keeps who had it before.
   */
  public void assignStaff(PetitionCaseEntity c, Caller caller, Acts.Staff request) {
    var progress = start(HandlingAct.STAFF, c, caller);
    if (request.user().equals(c.staff)) {
      throw ProblemException.invalid(
          "user", "Changed", "the case is with " + request.user() + " already");
    }
    progress.detail("staff", request.user()).detail("previousStaff", c.staff);
    progress.detail("note", request.note());
    c.staff = request.user();
    progress.recordHere();
  }

  /** 不予受理, with a written notice. */
  public void decline(PetitionCaseEntity c, Caller caller, Acts.Decline request) {
    var progress = start(HandlingAct.DECLINATION, c, caller);
    c.endedOn = progress.today();
    progress
        .closeAllBut()
        .detail("reason", request.reason())
        .detail("legalBasis", request.legalBasis())
        .record();
    sms.tell(c, SmsTemplates.Notice.DECLINED, Map.of("caseNumber", c.caseNumber));
  }

  /** 异议: outside the unit's remit, within 5 working days of receipt (Art 23(3)). */
  public void object(PetitionCaseEntity c, Caller caller, String reason) {
    start(HandlingAct.OBJECTION, c, caller).close(Step.OBJECT).detail("reason", reason).record();
  }

  /**
   * 异议处理: the forwarding office, or a supervisor above the unit, upholds the objection and sends
   * the matter to another unit (a new acceptance period starts there), or rejects it and the unit
   * must decide on acceptance within its original period.
   *
   * <p>When the unit the matter was sent to objects too, the units disagree about whose remit it is
   * (职责争议): their common superior decides (Art 24), a body of the lowest region containing every
   * unit that objected, and none of them.
   */
  public void decideObjection(PetitionCaseEntity c, Caller caller, Acts.ObjectionDecision request) {
    check(HandlingAct.OBJECTION_DECISION, c, caller);
    if (!request.upheld()) {
      var progress =
          lifecycle.begin(c, Transition.OBJECTION_REJECTED, caller.unit(), caller.user());
      progress
          .to(routedStatus(c.routingMode))
          .outcome("REJECTED")
          .detail("reason", request.reason())
          .record();
      return;
    }
    if (request.unitCode() == null) {
      throw ProblemException.invalid(
          "unit",
          "NotNull",
          "the unit to send the matter to is required when the objection is upheld");
    }
    requireDestination(c, caller, request.unitCode(), false, c.matterRegionCode);
    String mode = requireMode(c, request.mode(), request.reportDays());
    var progress = lifecycle.begin(c, Transition.OBJECTION_UPHELD, caller.unit(), caller.user());
    // the objecting unit owes nothing any more: its acceptance period counts in no rate; the unit
    // that takes the matter is judged on its own (docs/statistics.md)
    progress.withdrawAll();
    var elsewhere =
        sendTo(progress, c, request.unitCode(), request.unitName(), mode, request.reportDays());
    progress.outcome("UPHELD").detail("reason", request.reason()).record();
    elsewhere.ifPresent(node -> handoffs.handOff(c, node));
  }

  /**
   * 人工转送、交办: a 信访 office places the matter by hand, with its reason, when the rules could not place
   * it (the case is still REGISTERED: its forwarding period closes now) or placed it wrongly
   * (FORWARDED or ASSIGNED and not yet accepted: the unit's periods are withdrawn, as for an upheld
   * objection). The history keeps the rules' proposal beside the act (issue 31, item 3).
   */
  public void routeByHand(PetitionCaseEntity c, Caller caller, Acts.RoutingByHand request) {
    check(HandlingAct.ROUTING_BY_HAND, c, caller);
    requireDestination(c, caller, request.unitCode(), true, c.matterRegionCode);
    String mode = requireMode(c, request.mode(), request.reportDays());
    var progress = lifecycle.begin(c, Transition.ROUTED_BY_HAND, caller.unit(), caller.user());
    var elsewhere = placeByHand(progress, c, request, mode);
    progress.detail("reason", request.reason()).record();
    elsewhere.ifPresent(node -> handoffs.handOff(c, node));
  }

  /**
   * 更正问题属地 (issue 31, item 6): a 信访 office corrects the matter's place, with its reason. A matter
   * not yet accepted whose unit does not cover the new place (or not yet placed at all) goes by
   * hand to the unit the office names, in the same act; an accepted one stays with its unit, so its
   * place is corrected only within that unit's region. The case is counted in the new place from
   * then on: the event carries it, and statistics move the case's counts (docs/statistics.md).
   */
  public void correctPlace(PetitionCaseEntity c, Caller caller, Acts.MatterPlace request) {
    check(HandlingAct.MATTER_PLACE, c, caller);
    String place = request.matterRegionCode();
    if (!place.startsWith(province)) {
      throw ProblemException.invalid(
          "matterRegionCode",
          "InNodeProvince",
          "the matter's place must lie in this platform's province " + province);
    }
    if (place.equals(c.matterRegionCode)) {
      throw ProblemException.invalid(
          "matterRegionCode", "Changed", "the matter's place is " + place + " already");
    }
    if (!caller.covers(place) && !caller.unit().equals(c.registeringUnit)) {
      throw ProblemException.invalid(
          "matterRegionCode",
          "WithinCorrectingRegion",
          "an office corrects the place to one of its own region "
              + caller.region()
              + "; the registering office to any");
    }
    boolean unitCovers = c.handlingRegion != null && place.startsWith(c.handlingRegion);
    Acts.RoutingByHand routing = request.routing();
    if ((routing != null || !unitCovers) && !Transition.ROUTED_BY_HAND.allowedFrom(c.status)) {
      throw ProblemException.conflict(
          c.handlingUnit
              + " has accepted the matter: it is not sent elsewhere any more (Art 23(3)), so its"
              + " place is corrected only within that unit's region. "
              + lifecycle.dueNow(c));
    }
    if (routing == null && !unitCovers) {
      throw ProblemException.invalid(
          "unit",
          "NotNull",
          c.handlingUnit == null
              ? "the matter is not placed yet: name the unit it goes to with its new place"
              : "the new place lies outside the region of "
                  + c.handlingUnit
                  + ": name the unit the matter goes to");
    }
    String mode = null;
    if (routing != null) {
      requireDestination(c, caller, routing.unitCode(), true, place);
      mode = requireMode(c, routing.mode(), routing.reportDays());
    }
    var progress =
        lifecycle.begin(c, Transition.MATTER_PLACE_CORRECTED, caller.unit(), caller.user());
    String previous = c.matterRegionCode;
    c.matterRegionCode = place;
    Optional<NodeRegistry.Node> elsewhere = Optional.empty();
    if (routing != null) {
      elsewhere = placeByHand(progress, c, routing, mode);
    }
    progress
        .detail("previousMatterRegion", previous)
        .detail("matterRegion", place)
        .detail("reason", request.reason())
        .record();
    elsewhere.ifPresent(node -> handoffs.handOff(c, node));
  }

  /**
   * Sends the matter to the unit a person chose: from REGISTERED the forwarding period closes, from
   * FORWARDED/ASSIGNED the unit's periods are withdrawn; the rules' proposal goes in the details.
   */
  private Optional<NodeRegistry.Node> placeByHand(
      Lifecycle.Progress progress, PetitionCaseEntity c, Acts.RoutingByHand request, String mode) {
    CaseTransitionEntity proposal = proposal(c);
    if (c.status == CaseStatus.REGISTERED) {
      progress.close(Step.FORWARD);
    } else {
      progress.withdrawAll();
    }
    var elsewhere =
        sendTo(progress, c, request.unitCode(), request.unitName(), mode, request.reportDays());
    progress
        .detail("proposedUnit", proposal == null ? null : proposal.details.get("unit"))
        .detail("proposedUnitName", proposal == null ? null : proposal.details.get("unitName"))
        .detail(
            "proposedRuleVersion", proposal == null ? null : proposal.details.get("ruleVersion"));
    return elsewhere;
  }

  /** The rules' decision recorded on the case (its FORWARDED or ASSIGNED entry), or null. */
  private CaseTransitionEntity proposal(PetitionCaseEntity c) {
    CaseTransitionEntity found = null;
    for (var entry : lifecycle.historyOf(c)) {
      if (Transition.FORWARDED == entry.transition || Transition.ASSIGNED == entry.transition) {
        found = entry;
      }
    }
    return found;
  }

  /**
   * The unit a person sends the matter to: one of the unit table, another than the one it is with,
   * within the deciding office's region (or, for the registering office placing it by hand, on the
   * matter's place), and never a unit an accusation rules out: the accused, a unit inside its
   * department, or a unit under an accused principal leader (Art 30(3)).
   */
  private static void requireDestination(
      PetitionCaseEntity c, Caller caller, String unitCode, boolean byHand, String place) {
    String region = unitCode.split(":")[0];
    if (UNITS.find(unitCode).isEmpty()) {
      throw ProblemException.invalid(
          "unit.code",
          "KnownUnit",
          "is not a unit of the unit table (GET /api/routing/units?region=...)");
    }
    boolean onTheMattersPlace =
        byHand
            && caller.unit().equals(c.registeringUnit)
            && (place.startsWith(region) || region.startsWith(place));
    if (!caller.covers(region) && !onTheMattersPlace) {
      throw ProblemException.invalid(
          "unit.code",
          "WithinDecidingRegion",
          "the deciding office sends the matter to a unit of its own region "
              + caller.region()
              + (byHand ? " (the registering office also to one of the matter's place)" : "")
              + "; a matter for another region goes through that region's office");
    }
    if (unitCode.equals(c.handlingUnit)) {
      throw ProblemException.invalid(
          "unit.code",
          "DifferentUnit",
          "the matter must go to another unit than the one it is with");
    }
    requireNotAccused(c, unitCode, "unit.code");
  }

  /**
   * Refuses a unit an accusation rules out: the accused, a unit inside its department, or a unit
   * under an accused principal leader (Art 30(3)); 422 naming {@code field}.
   */
  private static void requireNotAccused(PetitionCaseEntity c, String unitCode, String field) {
    String region = unitCode.split(":")[0];
    for (var accused : c.accused) {
      if (accused.unitCode == null) {
        continue;
      }
      if (accused.leader && region.startsWith(accused.unitCode.split(":")[0])) {
        throw ProblemException.invalid(
            field,
            "AboveTheAccusedLeader",
            "the accused is a principal leader of region "
                + accused.unitCode.split(":")[0]
                + ": the accusation goes to a body one level up, never to a unit under them (Art 30(3))");
      }
    }
    if (c.accuses(unitCode)
        || c.accused.stream()
            .filter(a -> a.unitCode != null)
            .anyMatch(a -> UNITS.departmentOf(a.unitCode).contains(unitCode))) {
      throw ProblemException.invalid(
          field,
          "NotTheAccused",
          "an accusation never goes to a unit it accuses, nor to a unit inside that unit's department (Art 30(3))");
    }
  }

  /** The mode a person chose (null: the case's own, FORWARD for an unplaced one), checked. */
  private static String requireMode(PetitionCaseEntity c, String requested, Integer reportDays) {
    String mode = requested != null ? requested : c.routingMode != null ? c.routingMode : "FORWARD";
    if (reportDays != null && !"ASSIGN".equals(mode)) {
      throw ProblemException.invalid(
          "reportDays",
          "AssignOnly",
          "a deadline to report is set for an assignment (交办, mode ASSIGN) only (Art 22)");
    }
    return mode;
  }

  /**
   * Sends the matter to the unit a person chose: its acceptance period and objection window start
   * there (and for an assignment the report's), with the unit before and after in the details. The
   * node hosting the unit when it is another: the caller hands the case off there once the
   * transition is recorded.
   */
  private Optional<NodeRegistry.Node> sendTo(
      Lifecycle.Progress progress,
      PetitionCaseEntity c,
      String unitCode,
      String unitName,
      String mode,
      Integer reportDays) {
    String previous = c.handlingUnit;
    String region = unitCode.split(":")[0];
    c.handlingUnit = unitCode;
    c.handlingUnitName = unitName;
    c.handlingRegion = region;
    c.routingMode = mode;
    c.assignedOn = progress.today();
    openAcceptance(progress, c, mode, reportDays);
    // the unit may work on another node: the case goes there (docs/nodes.md)
    Optional<NodeRegistry.Node> elsewhere = handoffs.destination(region);
    progress
        .to(routedStatus(mode))
        .detail("mode", mode)
        .detail("reportDays", reportDays)
        .detail("previousUnit", previous)
        .detail("unit", c.handlingUnit)
        .detail("unitName", c.handlingUnitName)
        .detail("node", elsewhere.map(NodeRegistry.Node::regionCode).orElse(null));
    return elsewhere;
  }

  /**
   * The units that objected to this matter, oldest first: those an upheld objection took it from,
   * and the unit objecting now.
   */
  private List<String> objectors(PetitionCaseEntity c) {
    List<String> units = new java.util.ArrayList<>();
    for (var entry : lifecycle.historyOf(c)) {
      if (Transition.OBJECTION_UPHELD == entry.transition
          && entry.details.get("previousUnit") instanceof String previous
          && !units.contains(previous)) {
        units.add(previous);
      }
    }
    if (!units.contains(c.handlingUnit)) {
      units.add(c.handlingUnit);
    }
    return units;
  }

  /**
   * The lowest region containing every unit's region; null when they are in different provinces.
   */
  static String commonRegion(List<String> units) {
    String common = units.get(0).split(":")[0];
    for (String unit : units) {
      String region = unit.split(":")[0];
      while (common != null && !region.startsWith(common)) {
        common = Division.parentOf(common);
      }
    }
    return common;
  }

  /**
   * 转送/交办: the acceptance period and the objection window start; a 交办 owes its closing report
   * within the days the assigning body set ({@code reportDays}; null: the table's default).
   */
  static void openAcceptance(
      Lifecycle.Progress progress, PetitionCaseEntity c, String mode, Integer reportDays) {
    progress
        .open(Step.ACCEPT, c.handlingUnit, c.handlingRegion, progress.today())
        .open(Step.OBJECT, c.handlingUnit, c.handlingRegion, progress.today());
    if ("ASSIGN".equals(mode)) {
      progress.open(Step.REPORT, c.handlingUnit, c.handlingRegion, progress.today(), reportDays);
    }
  }

  static CaseStatus routedStatus(String mode) {
    return "ASSIGN".equals(mode) ? CaseStatus.ASSIGNED : CaseStatus.FORWARDED;
  }

  /**
   * 延期: once, approved by the unit's head, before the period ends, at most 30 days (Art 34). The
   * handling period becomes 60 + n days from acceptance, its last day moved off a rest day once
   * (domain.md §3.1).
   */
  public void extend(PetitionCaseEntity c, Caller caller, Acts.Extension request) {
    var progress = start(HandlingAct.EXTENSION, c, caller);
    CaseStepEntity handle = lifecycle.openStep(c, Step.HANDLE).orElseThrow();
    int max = deadlines.maxExtensionDays(c.handlingRegion, c.receivedOn);
    if (request.days() > max) {
      throw ProblemException.invalid(
          "days", "MaxExtension", "an extension may be at most " + max + " days (Art 34)");
    }
    c.extended = true;
    LocalDate previous = handle.dueOn;
    handle.extensionDays = request.days();
    progress
        .recount(handle)
        .detail("days", request.days())
        .detail("previousDueOn", previous.toString())
        .detail("dueOn", handle.dueOn.toString())
        .detail("approvedBy", request.approvedBy())
        .detail("reason", request.reason())
        .record();
    sms.tell(
        c,
        SmsTemplates.Notice.EXTENDED,
        Map.of(
            "caseNumber",
            c.caseNumber,
            "days",
            String.valueOf(request.days()),
            "date",
            handle.dueOn.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"))));
  }

  /**
   * 听证, held within the period of the step it belongs to (handling, review or re-review). In a
   * re-review the hearing days are not counted (Art 36): they lengthen the period, whose last day
   * is then moved off a rest day once (domain.md §3.1).
   */
  public void hearing(PetitionCaseEntity c, Caller caller, Acts.Hearing request) {
    if (request.heldTo().isBefore(request.heldFrom())) {
      throw ProblemException.invalid("heldTo", "NotBeforeStart", "must not be before heldFrom");
    }
    var progress = start(HandlingAct.HEARING, c, caller);
    Step period =
        switch (c.status) {
          case REVIEW_REQUESTED -> Step.REVIEW;
          case REREVIEW_REQUESTED -> Step.REREVIEW;
          default -> Step.HANDLE;
        };
    CaseStepEntity step = lifecycle.openStep(c, period).orElseThrow();
    if (!request.heldFrom().isAfter(step.startedOn) || request.heldFrom().isAfter(step.dueOn)) {
      throw ProblemException.invalid(
          "heldFrom",
          "InsidePeriod",
          "a hearing belongs to the period of "
              + period.label()
              + " ("
              + period
              + "), which runs from the day after "
              + step.startedOn
              + " to "
              + step.dueOn);
    }
    for (var entry : lifecycle.historyOf(c)) {
      if (Transition.HEARING_HELD == entry.transition
          && !entry.occurredOn.isBefore(step.startedOn)
          && entry.details.get("heldFrom") instanceof String from
          && entry.details.get("heldTo") instanceof String to
          && !request.heldFrom().isAfter(LocalDate.parse(to))
          && !request.heldTo().isBefore(LocalDate.parse(from))) {
        throw ProblemException.invalid(
            "heldFrom",
            "NoOverlap",
            "a hearing from " + from + " to " + to + " is recorded already; days count once");
      }
    }
    long days = ChronoUnit.DAYS.between(request.heldFrom(), request.heldTo()) + 1;
    if (period == Step.REREVIEW) {
      LocalDate previous = step.dueOn;
      step.excludedDays += (int) days;
      progress.recount(step).detail("previousDueOn", previous.toString());
    }
    progress
        .detail("heldFrom", request.heldFrom().toString())
        .detail("heldTo", request.heldTo().toString())
        .detail("days", days)
        .detail("summary", request.summary())
        .record();
  }

  /** 调解、和解 with a written agreement (Art 33). */
  public void mediation(PetitionCaseEntity c, Caller caller, Acts.Mediation request) {
    start(HandlingAct.MEDIATION, c, caller)
        .detail("agreedOn", request.agreedOn().toString())
        .detail("agreement", request.agreement())
        .record();
  }

  /**
   * 商请协办 (issue 31, item 1): the lead unit asks another unit to assist, with its tasks and the day
   * its written contribution is due, a working day from tomorrow to the lead's own last day (422
   * {@code dueOn} otherwise). The unit must be of the unit table and on this node, not the lead,
   * not asked already, and never one an accusation rules out (422 {@code unitCode}).
   */
  public void requestAssistance(PetitionCaseEntity c, Caller caller, Acts.Assistance request) {
    var progress = start(HandlingAct.ASSISTANCE, c, caller);
    String unit = request.unitCode();
    Units.Unit found =
        UNITS
            .find(unit)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "unitCode",
                        "KnownUnit",
                        "is not a unit of the unit table (GET /api/routing/units?region=...)"));
    if (unit.equals(c.handlingUnit)) {
      throw ProblemException.invalid(
          "unitCode", "NotTheLead", "the lead unit (主办) does not assist itself");
    }
    requireNotAccused(c, unit, "unitCode");
    if (handoffs.destination(found.regionCode()).isPresent()) {
      throw ProblemException.invalid(
          "unitCode",
          "HostedHere",
          "the unit works on another node, which does not hold this case; ask a unit of this"
              + " node, or that node's office to coordinate");
    }
    if (openAssistance(c, unit).isPresent()) {
      throw ProblemException.conflict(
          unit + " is asked to assist already; its contribution is due. " + lifecycle.dueNow(c));
    }
    LocalDate leadDue = lifecycle.openStep(c, Step.HANDLE).orElseThrow().dueOn;
    LocalDate due = request.dueOn();
    if (!due.isAfter(progress.today()) || due.isAfter(leadDue)) {
      throw ProblemException.invalid(
          "dueOn",
          "WithinLeadPeriod",
          "协办期限须在主办单位办理期限之内 / must be after today and on or before "
              + leadDue
              + ", the lead unit's own last day to answer");
    }
    var dated =
        deadlines
            .setBy(progress.today(), due)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "dueOn",
                        "WorkingDay",
                        due
                            + " is a rest day on the official calendar; a period ends on a working"
                            + " day"));
    c.assistingUnits.add(unit);
    progress
        .openUntil(Step.ASSIST, unit, found.regionCode(), progress.today(), dated)
        .detail("unit", unit)
        .detail("unitName", found.name())
        .detail("dueOn", due.toString())
        .detail("tasks", request.tasks())
        .record();
  }

  /**
   * 协办反馈: the caller's unit, asked to assist, gives its written contribution; its step closes on
   * time or late.
   */
  public void contribute(PetitionCaseEntity c, Caller caller, String contribution) {
    var progress = start(HandlingAct.CONTRIBUTION, c, caller);
    progress
        .close(openAssistance(c, caller.unit()).orElseThrow(), progress.today())
        .detail("unit", caller.unit())
        .detail("unitName", UNITS.find(caller.unit()).map(Units.Unit::name).orElse(null))
        .detail("contribution", contribution)
        .record();
  }

  /**
   * 撤回协办: the lead unit withdraws a request not answered yet, with its reason. By the step's day it
   * counts for nobody; after it, the unit's step counts as late (it owed the contribution).
   */
  public void withdrawAssistance(
      PetitionCaseEntity c, Caller caller, Acts.AssistanceWithdrawal request) {
    var progress = start(HandlingAct.ASSISTANCE_WITHDRAWAL, c, caller);
    CaseStepEntity open =
        openAssistance(c, request.unitCode())
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "unitCode",
                        "AskedToAssist",
                        request.unitCode() + " owes no contribution to this case"));
    boolean late = progress.today().isAfter(open.dueOn);
    if (late) {
      progress.close(open, progress.today());
    } else {
      progress.withdraw(open);
    }
    c.assistingUnits.remove(request.unitCode());
    progress
        .detail("unit", request.unitCode())
        .detail("late", late ? Boolean.TRUE : null)
        .detail("reason", request.reason())
        .record();
  }

  /** The 协办 steps of the case still owed, one per unit asked, soonest due first. */
  private List<CaseStepEntity> assistanceDue(PetitionCaseEntity c) {
    return lifecycle.openSteps(c).stream().filter(s -> s.step == Step.ASSIST).toList();
  }

  /** The unit's open 协办 step on the case, if it owes one. */
  private Optional<CaseStepEntity> openAssistance(PetitionCaseEntity c, String unit) {
    return assistanceDue(c).stream().filter(s -> s.unitCode.equals(unit)).findFirst();
  }

  /**
   * 处理意见书 (Art 32): closes the handling period; the petitioner's windows to evaluate and to ask for
   * a review start the day it is served.
   */
  public void opinion(PetitionCaseEntity c, Caller caller, Acts.Opinion request) {
    var progress = start(HandlingAct.OPINION, c, caller);
    LocalDate served = servedOn(request, c.acceptedOn, progress.today());
    c.opinionOutcome = request.outcome();
    progress.close(Step.HANDLE, served);
    String outside = outsideEvaluation(c, request);
    if (outside == null) {
      progress.open(Step.EVALUATE, c.handlingUnit, c.handlingRegion, served);
    }
    List<String> assistedBy =
        lifecycle.historyOf(c).stream()
            .filter(t -> t.transition == Transition.ASSISTANCE_GIVEN)
            .map(t -> (String) t.details.get("unitName"))
            .distinct()
            .toList();
    progress
        .open(Step.REQUEST_REVIEW, c.handlingUnit, c.handlingRegion, served)
        .outcome(request.outcome().name())
        .detail("outsideEvaluation", outside)
        .detail("assistedBy", assistedBy.isEmpty() ? null : assistedBy);
    opinionDetails(progress, request, served).record();
    sms.tell(c, SmsTemplates.Notice.OPINION, Map.of("caseNumber", c.caseNumber));
  }

  /**
   * Units whose matters are outside the satisfaction evaluation (S4 Art 4: people's congresses,
   * courts, procuratorates): 人大, 人民法院, 人民检察院.
   */
  static final java.util.Set<String> OUTSIDE_EVALUATION = java.util.Set.of("rd", "fy", "jcy");

  /**
   * Why the answer opens no evaluation window (满意度评价), or null: a court's, procuratorate's or
   * people's congress's matter, or one the handling unit found unsuitable for disclosure (不宜公开).
   * Statutory-channel matters (Art 31(1)–(5)) are referred and never reach an opinion.
   */
  private static String outsideEvaluation(PetitionCaseEntity c, Acts.Opinion request) {
    if (OUTSIDE_EVALUATION.contains(Units.department(c.handlingUnit))) {
      return "COURT_PROCURATORATE_OR_CONGRESS";
    }
    return request.notForDisclosure() ? "NOT_FOR_DISCLOSURE" : null;
  }

  /** 办结报告: what an assigned (交办) matter owes its assigner (Art 22(1)(3)). */
  public void closingReport(PetitionCaseEntity c, Caller caller, String summary) {
    start(HandlingAct.CLOSING_REPORT, c, caller)
        .close(Step.REPORT)
        .detail("summary", summary)
        .record();
  }

  /**
   * 满意度评价, recorded for the petitioner within the window by the registering office or by a 信访
   * office covering the handling unit (a return visit, 回访); never by the unit whose answer is
   * rated, since the rate judges it.
   */
  public void evaluate(PetitionCaseEntity c, Caller caller, Acts.Evaluation request) {
    if (request.channel() == EvaluationChannel.ONLINE) {
      throw ProblemException.invalid(
          "channel",
          "NotOnline",
          "网上评价 (ONLINE) is the petitioner's own, with the code sent to their phone; an office"
              + " records COUNTER (现场评价) or RETURN_VISIT (回访)");
    }
    evaluated(start(HandlingAct.EVALUATION, c, caller), c, request);
  }

  /**
   * 网上评价: the petitioner's own evaluation, made on the status page with their query code and a
   * one-time code sent to their phone ({@link OneTimeCodes}); recorded in the registering office's
   * name, as the office that heard them, by the petitioner.
   */
  public void evaluateOnline(PetitionCaseEntity c, Acts.Evaluation request) {
    evaluationWindow(c);
    evaluated(
        lifecycle.begin(c, Transition.EVALUATED, c.registeringUnit, PETITIONER),
        c,
        new Acts.Evaluation(
            request.satisfaction(),
            request.officeSatisfaction(),
            EvaluationChannel.ONLINE,
            request.remarks()));
  }

  /** Who the history names for an act of the petitioner's own. */
  public static final String PETITIONER = "信访人";

  private static void evaluated(
      Lifecycle.Progress progress, PetitionCaseEntity c, Acts.Evaluation request) {
    c.satisfaction = request.satisfaction();
    c.officeSatisfaction = request.officeSatisfaction();
    progress
        .close(Step.EVALUATE)
        .outcome(request.satisfaction().name())
        .detail("officeSatisfaction", request.officeSatisfaction())
        .detail("channel", request.channel())
        .detail("remarks", request.remarks())
        .record();
  }

  /**
   * The evaluation window (满意度评价) open today, or 409: evaluated already, outside the evaluation, or
   * ended (超期未评价).
   */
  public CaseStepEntity evaluationWindow(PetitionCaseEntity c) {
    lifecycle.requireAllowed(c, Transition.EVALUATED);
    CaseStepEntity window =
        lifecycle
            .openStep(c, Step.EVALUATE)
            .orElseThrow(
                () ->
                    ProblemException.conflict(
                        "no evaluation window is open: the case has been evaluated already, or its"
                            + " answer is outside the satisfaction evaluation (a court's or"
                            + " procuratorate's matter, or not for disclosure)"));
    if (lifecycle.today().isAfter(window.dueOn)) {
      throw ProblemException.conflict(
          "the evaluation period ended on " + window.dueOn + " (超期未评价)");
    }
    return window;
  }

  /**
   * 复查 (Art 35) or 复核 (Art 36) requested: received by the body one level above the one whose
   * opinion is contested, within 30 days of service. That body answers within 30 days.
   */
  public void requestReview(PetitionCaseEntity c, Caller caller, Acts.Review request) {
    boolean second = secondReview(c);
    Transition transition = second ? Transition.REREVIEW_REQUESTED : Transition.REVIEW_REQUESTED;
    Step window = second ? Step.REQUEST_REREVIEW : Step.REQUEST_REVIEW;
    Step answer = second ? Step.REREVIEW : Step.REVIEW;
    var progress = start(HandlingAct.REVIEW_REQUEST, c, caller);
    CaseStepEntity open = lifecycle.openStep(c, window).orElseThrow();
    if (request.receivedOn().isBefore(open.startedOn)) {
      throw ProblemException.invalid(
          "receivedOn",
          "NotBeforeService",
          "must not be before the opinion was served on " + open.startedOn);
    }
    if (request.receivedOn().isAfter(open.dueOn)) {
      throw ProblemException.conflict(
          "the period to request a "
              + transition.label()
              + " ended on "
              + open.dueOn
              + " (30 days from service); the case can be terminated (终结)");
    }
    if (second) {
      c.rereviewUnit = caller.unit();
      c.rereviewRegion = caller.region();
    } else {
      c.reviewUnit = caller.unit();
      c.reviewRegion = caller.region();
    }
    // the reviewing body may work on another node (one level up): the case goes there
    Optional<NodeRegistry.Node> elsewhere = handoffs.destination(caller.region());
    progress
        .to(second ? CaseStatus.REREVIEW_REQUESTED : CaseStatus.REVIEW_REQUESTED)
        .close(window)
        .open(answer, caller.unit(), caller.region(), request.receivedOn())
        .detail("receivedOn", request.receivedOn().toString())
        .detail("reasons", request.reasons())
        .detail("node", elsewhere.map(NodeRegistry.Node::regionCode).orElse(null))
        .record();
    elsewhere.ifPresent(node -> handoffs.handOff(c, node));
  }

  /** 复查意见 or 复核意见. After a re-review the matter is not accepted again (Art 36(3)). */
  public void reviewOpinion(PetitionCaseEntity c, Caller caller, Acts.Opinion request) {
    boolean second = CaseStatus.REREVIEW_REQUESTED == c.status;
    var progress = start(HandlingAct.REVIEW_OPINION, c, caller);
    Step answer = second ? Step.REREVIEW : Step.REVIEW;
    CaseStepEntity step = lifecycle.openStep(c, answer).orElseThrow();
    LocalDate served = servedOn(request, step.startedOn, progress.today());
    progress.close(answer, served).outcome(request.outcome().name());
    if (!second) {
      progress.open(Step.REQUEST_REREVIEW, c.reviewUnit, c.reviewRegion, served);
    }
    opinionDetails(progress, request, served).record();
  }

  /** 办结, with the 三到位一处理 checklist; an assigned matter needs its closing report first. */
  public void close(PetitionCaseEntity c, Caller caller, Acts.Closure request) {
    var progress = start(HandlingAct.CLOSURE, c, caller);
    requireChecklist(request);
    c.endedOn = progress.today();
    closureDetails(progress, request).record();
  }

  /**
   * 终结: after a re-review, or once the petitioner let the period to ask for a review pass. Nothing
   * but the evaluation window keeps running.
   */
  public void terminate(PetitionCaseEntity c, Caller caller, Acts.Closure request) {
    var progress = start(HandlingAct.TERMINATION, c, caller);
    requireChecklist(request);
    c.endedOn = progress.today();
    progress.closeAllBut(Step.EVALUATE);
    closureDetails(progress, request).record();
  }

  /**
   * The acts the caller may take on the case now ({@code GET /cases/{id}/acts}): those whose roles
   * the caller has and whose {@link #check} passes, each with the transition it would record.
   */
  public List<Offer> offered(PetitionCaseEntity c, Caller caller) {
    List<Offer> offers = new ArrayList<>();
    for (HandlingAct act : HandlingAct.values()) {
      if (!caller.hasAnyRole(act.roles().toArray(String[]::new))) {
        continue;
      }
      try {
        offers.add(new Offer(act, check(act, c, caller)));
      } catch (ProblemException notNow) {
        // not this caller's act, or not now: not offered
      }
    }
    return offers;
  }

  /** An act offered, with the transition it would record. */
  public record Offer(HandlingAct act, Transition transition) {}

  /**
   * Whether {@code act} may be taken on the case now by the caller, as far as the case and the
   * caller decide (the request's own fields are the act's to check): the transition it would
   * record, or the refusal the act itself would give (403: not the unit that must act; 409: not in
   * the case's status, or its period has ended; 422: not for this kind of matter). Every act begins
   * here, so what the pages are offered and what the API takes cannot drift apart.
   */
  public Transition check(HandlingAct act, PetitionCaseEntity c, Caller caller) {
    LocalDate today = lifecycle.today();
    switch (act) {
      case REFERRAL -> {
        responsible(c, Transition.REFERRED, caller);
        if (c.petitionClass != PetitionClass.APPEAL) {
          throw ProblemException.invalid(
              "route",
              "AppealOnly",
              "only 申诉求决类 (APPEAL) matters are referred to a statutory channel (Art 31)");
        }
      }
      case OBJECTION -> {
        responsible(c, Transition.OBJECTED, caller);
        if (lifecycle.openStep(c, Step.OBJECT).filter(w -> !today.isAfter(w.dueOn)).isEmpty()) {
          throw ProblemException.conflict(
              "the period to object ended on "
                  + lifecycle.latestStep(c, Step.OBJECT).map(s -> s.dueOn).orElse(null)
                  + " (5 working days from receipt, Art 23(3)); the matter must be accepted or declined. "
                  + lifecycle.dueNow(c));
        }
      }
      case OBJECTION_DECISION -> {
        requireDecider(c, caller);
        lifecycle.requireAllowed(c, Transition.OBJECTION_UPHELD);
      }
      case ROUTING_BY_HAND -> {
        requirePetitionOffice(c, caller);
        lifecycle.requireAllowed(c, Transition.ROUTED_BY_HAND);
      }
      case MATTER_PLACE -> {
        requirePetitionOffice(c, caller);
        lifecycle.requireAllowed(c, Transition.MATTER_PLACE_CORRECTED);
      }
      case EXTENSION -> {
        responsible(c, Transition.EXTENDED, caller);
        if (c.extended) {
          throw ProblemException.conflict(
              "the handling period was extended once already; Art 34 allows one extension. "
                  + lifecycle.dueNow(c));
        }
        CaseStepEntity handle = lifecycle.openStep(c, Step.HANDLE).orElseThrow();
        if (today.isAfter(handle.dueOn)) {
          throw ProblemException.conflict(
              "the handling period ended on "
                  + handle.dueOn
                  + "; an extension must be approved before it ends");
        }
      }
      case ASSISTANCE -> {
        responsible(c, Transition.ASSISTANCE_REQUESTED, caller);
        LocalDate leadDue = lifecycle.openStep(c, Step.HANDLE).orElseThrow().dueOn;
        if (!leadDue.isAfter(today)) {
          throw ProblemException.conflict(
              "the handling period ends on "
                  + leadDue
                  + ": no day is left inside it for an assisting unit's contribution (协办)");
        }
      }
      case CONTRIBUTION -> {
        if (openAssistance(c, caller.unit()).isEmpty()) {
          throw ProblemException.forbidden(
              "协办反馈 (ASSISTANCE_GIVEN) is for a unit the lead unit "
                  + c.handlingUnit
                  + " asked to assist and whose contribution is due");
        }
        lifecycle.requireAllowed(c, Transition.ASSISTANCE_GIVEN);
      }
      case ASSISTANCE_WITHDRAWAL -> {
        responsible(c, Transition.ASSISTANCE_WITHDRAWN, caller);
        if (assistanceDue(c).isEmpty()) {
          throw ProblemException.conflict(
              "no unit's contribution (协办) is due. " + lifecycle.dueNow(c));
        }
      }
      case OPINION -> {
        responsible(c, Transition.OPINION_ISSUED, caller);
        List<String> owed =
            assistanceDue(c).stream().map(s -> s.unitCode + " by " + s.dueOn).toList();
        if (!owed.isEmpty()) {
          throw ProblemException.conflict(
              "the opinion waits for the contributions of the units asked to assist (协办): "
                  + String.join(", ", owed)
                  + "; record them, or withdraw a request (assistance-withdrawal)");
        }
      }
      case CLOSING_REPORT -> {
        responsible(c, Transition.REPORT_SUBMITTED, caller);
        if (lifecycle.openStep(c, Step.REPORT).isEmpty()) {
          throw ProblemException.conflict(
              "no closing report is due: only assigned (交办) matters owe one, and only once");
        }
      }
      case EVALUATION -> {
        requireEvaluator(c, caller);
        evaluationWindow(c);
      }
      case REVIEW_REQUEST -> {
        Transition transition =
            secondReview(c) ? Transition.REREVIEW_REQUESTED : Transition.REVIEW_REQUESTED;
        String reviewRegion = Division.parentOf(c.responsibleRegion());
        if (!caller.region().equals(reviewRegion)) {
          throw ProblemException.forbidden(
              "a "
                  + transition.label()
                  + " request is received by the body one level above "
                  + c.responsibleUnit()
                  + " (region "
                  + reviewRegion
                  + ")");
        }
        lifecycle.requireAllowed(c, transition);
        Step window = secondReview(c) ? Step.REQUEST_REREVIEW : Step.REQUEST_REVIEW;
        if (lifecycle.openStep(c, window).isEmpty()) {
          throw ProblemException.conflict(
              transition.label() + " is not open. " + lifecycle.dueNow(c));
        }
        return transition;
      }
      case REVIEW_OPINION -> {
        return responsible(
            c,
            CaseStatus.REREVIEW_REQUESTED == c.status
                ? Transition.REREVIEW_ISSUED
                : Transition.REVIEW_ISSUED,
            caller);
      }
      case CLOSURE -> {
        responsible(c, Transition.CLOSED, caller);
        if (lifecycle.openStep(c, Step.REPORT).isPresent()) {
          throw ProblemException.conflict(
              "an assigned (交办) matter is closed only after its closing report (办结报告). "
                  + lifecycle.dueNow(c));
        }
      }
      case TERMINATION -> {
        responsible(c, Transition.TERMINATED, caller);
        for (Step window : List.of(Step.REQUEST_REVIEW, Step.REQUEST_REREVIEW)) {
          var open = lifecycle.openStep(c, window);
          if (open.isPresent() && !today.isAfter(open.get().dueOn)) {
            throw ProblemException.conflict(
                "the petitioner may still ask for a "
                    + window.label()
                    + " until "
                    + open.get().dueOn
                    + "; the case can be terminated after that, or after a re-review (Art 36)");
          }
        }
      }
      default -> responsible(c, act.transition(), caller);
    }
    return act.transition();
  }

  /** Checks the act as {@link #check} does and begins the transition it records. */
  private Lifecycle.Progress start(HandlingAct act, PetitionCaseEntity c, Caller caller) {
    return lifecycle.begin(c, check(act, c, caller), caller.unit(), caller.user());
  }

  /** Refuses a caller whose unit is not the one now responsible, or a transition not due now. */
  private Transition responsible(PetitionCaseEntity c, Transition transition, Caller caller) {
    if (!caller.unit().equals(c.responsibleUnit())) {
      throw ProblemException.forbidden(
          transition.label()
              + " ("
              + transition.name()
              + ") is for "
              + c.responsibleUnit()
              + ", the unit now responsible for the case");
    }
    lifecycle.requireAllowed(c, transition);
    return transition;
  }

  /**
   * An objection is decided by the forwarding office or a supervisor above the unit, not the unit;
   * once two units objected (职责争议, Art 24) by their common superior, none of them.
   */
  private void requireDecider(PetitionCaseEntity c, Caller caller) {
    List<String> parties = objectors(c);
    if (parties.size() > 1) {
      String common = commonRegion(parties);
      if (common == null || !caller.covers(common) || parties.contains(caller.unit())) {
        throw ProblemException.forbidden(
            "职责争议 (Art 24): %s each objected that the matter is not theirs; it is decided by their common superior, a body of region %s or above that is none of them"
                .formatted(String.join(", ", parties), common == null ? "(none)" : common));
      }
    } else if (!caller.covers(c.handlingRegion) || caller.unit().equals(c.handlingUnit)) {
      throw ProblemException.forbidden(
          "the objection is decided by the forwarding office or a supervisor above "
              + c.handlingUnit
              + ", not by the unit that objected");
    }
  }

  /**
   * 人工转送、交办 and 更正问题属地 are a 信访 office's acts (Art 22): the registering office's, or one's covering
   * the matter's place or the unit it is with; never the unit's it is with (that unit objects
   * instead).
   */
  private static void requirePetitionOffice(PetitionCaseEntity c, Caller caller) {
    boolean petitionOffice = Units.department(caller.unit()).equals(Units.PETITION_OFFICE);
    boolean registeringOffice = caller.unit().equals(c.registeringUnit);
    boolean covering =
        caller.covers(c.matterRegionCode)
            || (c.handlingRegion != null && caller.covers(c.handlingRegion));
    if (!petitionOffice
        || caller.unit().equals(c.handlingUnit)
        || !(registeringOffice || covering)) {
      throw ProblemException.forbidden(
          "a matter is forwarded or assigned by hand, and its place corrected, by a 信访 office"
              + " (xfj): the registering office or one covering the matter's place or the unit it is"
              + " with; the unit it is with objects instead (objection)");
    }
  }

  /**
   * The evaluation is recorded by the registering office or a 信访 office covering the handling unit,
   * never by the unit whose answer is rated.
   */
  private static void requireEvaluator(PetitionCaseEntity c, Caller caller) {
    boolean registeringOffice = caller.unit().equals(c.registeringUnit);
    boolean petitionOfficeAbove =
        caller.covers(c.handlingRegion)
            && Units.department(caller.unit()).equals(Units.PETITION_OFFICE);
    if (caller.unit().equals(c.handlingUnit) || (!registeringOffice && !petitionOfficeAbove)) {
      throw ProblemException.forbidden(
          "the petitioner's evaluation is recorded by the registering office or a 信访 office"
              + " covering "
              + c.handlingUnit
              + " (回访), never by the unit whose answer is evaluated");
    }
  }

  /** Whether a review request now is the second one (复核): a review opinion was given. */
  private static boolean secondReview(PetitionCaseEntity c) {
    return CaseStatus.REVIEWED == c.status
        || (CaseStatus.CLOSED == c.status && c.reviewUnit != null);
  }

  private static LocalDate servedOn(Acts.Opinion request, LocalDate notBefore, LocalDate today) {
    LocalDate served = request.servedOn() == null ? today : request.servedOn();
    if (notBefore != null && served.isBefore(notBefore)) {
      throw ProblemException.invalid(
          "servedOn",
          "NotBeforeStart",
          "must not be before " + notBefore + ", when the step began");
    }
    return served;
  }

  private static Lifecycle.Progress opinionDetails(
      Lifecycle.Progress progress, Acts.Opinion request, LocalDate served) {
    return progress
        .detail("request", request.request())
        .detail("facts", request.facts())
        .detail("reasons", request.reasons())
        .detail("legalBasis", request.legalBasis())
        .detail("servedOn", served.toString());
  }

  private static void requireChecklist(Acts.Closure request) {
    if (request.checklist().isEmpty()) {
      throw ProblemException.invalid(
          "checklist",
          "ThreeInPlaceOneDealt",
          "say what was done for at least one item of 三到位一处理 (Art 27)");
    }
  }

  private static Lifecycle.Progress closureDetails(
      Lifecycle.Progress progress, Acts.Closure request) {
    var list = request.checklist();
    return progress
        .detail("problemSolved", list.problemSolved())
        .detail("counselled", list.counselled())
        .detail("assisted", list.assisted())
        .detail("dealtWithByLaw", list.dealtWithByLaw())
        .detail("summary", request.summary());
  }
}
