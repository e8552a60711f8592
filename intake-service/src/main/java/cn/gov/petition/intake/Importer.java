package cn.gov.petition.intake;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.contracts.RoutingDecided;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.ImportedCase.Actor;
import cn.gov.petition.intake.ImportedCase.ImportedStep;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;

/**
 * Brings one former case in (ADR 28): registers it on the day it was received and replays each of
 * its steps on its own day, as its own actor, through the same {@link Registrar}, {@link Handling}
 * and {@link Assignments} as a clerk's acts, so that its deadlines are counted by the regulation
 * and calendar of its dates, its history and events are those of a live case, and every rule of
 * live handling holds for it. A step the rules refuse fails the whole case: the caller's
 * transaction is rolled back, and nothing of the case stays.
 */
@ApplicationScoped
public class Importer {

  private static final Units UNITS = Units.national();

  private final Registrar registrar;
  private final Handling handling;
  private final Assignments assignments;
  private final Lifecycle lifecycle;
  private final CaseRepository cases;
  private final ActingDay actingDay;
  private final Clock clock;

  public Importer(
      Registrar registrar,
      Handling handling,
      Assignments assignments,
      Lifecycle lifecycle,
      CaseRepository cases,
      ActingDay actingDay,
      Clock clock) {
    this.registrar = registrar;
    this.handling = handling;
    this.assignments = assignments;
    this.lifecycle = lifecycle;
    this.cases = cases;
    this.actingDay = actingDay;
    this.clock = clock;
  }

  /** A due date the platform counts other than the former system recorded. */
  public record DueDifference(Step step, LocalDate former, LocalDate platform) {}

  /** What became of a case: in now, in already (a second run), or refused with the rules broken. */
  public record Outcome(
      PetitionCaseEntity petitionCase,
      boolean already,
      List<FieldError> errors,
      List<DueDifference> differences) {

    public boolean failed() {
      return !errors.isEmpty();
    }
  }

  /**
   * Imports the case in the caller's transaction, or finds it in already by its former number. On a
   * broken rule the outcome names it, and the caller must roll its transaction back.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome bringIn(ImportedCase imported) {
    Optional<PetitionCaseEntity> earlier = cases.findByOldCaseNumber(imported.oldCaseNumber());
    if (earlier.isPresent()) {
      return new Outcome(earlier.get(), true, List.of(), List.of());
    }
    PetitionCaseEntity c;
    actingDay.startCase(imported.petition().receivedOn());
    try {
      c =
          registrar.registerImported(
              imported.petition(), actor(imported.registeredBy()), imported.oldCaseNumber());
    } catch (ProblemException broken) {
      return refused("registration", "登记", broken);
    }
    List<ImportedStep> steps = imported.steps();
    for (int i = 0; i < steps.size(); i++) {
      ImportedStep step = steps.get(i);
      actingDay.set(step.on());
      try {
        replay(c, step);
      } catch (ProblemException broken) {
        return refused("steps[" + i + "]", step.act().label(), broken);
      }
    }
    cases.flush(); // a database refusal surfaces here, inside the case's transaction
    return new Outcome(c, false, List.of(), differences(c, imported.oldDueDates()));
  }

  private void replay(PetitionCaseEntity c, ImportedStep step) {
    Caller by = actor(step.by());
    switch (step.act()) {
      case FORWARDED, ASSIGNED -> forward(c, step);
      case REFERRED ->
          handling.refer(
              c, by, new Acts.Referral(StatutoryRoute.valueOf(step.outcome()), null, step.text()));
      case ACCEPTED -> handling.accept(c, by, step.text());
      case DECLINED -> handling.decline(c, by, new Acts.Decline(step.text(), null));
      case OBJECTED -> handling.object(c, by, step.text());
      case OBJECTION_UPHELD ->
          handling.decideObjection(
              c,
              by,
              new Acts.ObjectionDecision(
                  true, step.toUnit(), unitName(step.toUnit()), null, step.text(), null));
      case OBJECTION_REJECTED ->
          handling.decideObjection(
              c, by, new Acts.ObjectionDecision(false, null, null, null, step.text(), null));
      case EXTENDED ->
          handling.extend(c, by, new Acts.Extension(step.days(), step.by().user(), step.text()));
      case HEARING_HELD ->
          handling.hearing(c, by, new Acts.Hearing(step.on(), step.on(), step.text()));
      case MEDIATED -> handling.mediation(c, by, new Acts.Mediation(step.on(), step.text()));
      case OPINION_ISSUED -> handling.opinion(c, by, opinion(step));
      case REVIEW_ISSUED, REREVIEW_ISSUED -> handling.reviewOpinion(c, by, opinion(step));
      case EVALUATED ->
          handling.evaluate(
              c,
              by,
              new Acts.Evaluation(Satisfaction.valueOf(step.outcome()), null, null, step.text()));
      case REVIEW_REQUESTED, REREVIEW_REQUESTED ->
          handling.requestReview(c, by, new Acts.Review(step.on(), step.text()));
      case REPORT_SUBMITTED -> handling.closingReport(c, by, step.text());
      case CLOSED -> handling.close(c, by, new Acts.Closure(step.checklist(), step.text()));
      case TERMINATED -> handling.terminate(c, by, new Acts.Closure(step.checklist(), step.text()));
      default ->
          throw ProblemException.invalid(
              "act", "Importable", step.act().name() + " is recorded by the platform itself");
    }
  }

  /**
   * A recorded 转送/交办 is the former office's decision: applied as routing's decision would be,
   * naming this node, so that the case stays here; never to a unit the accusation accuses.
   */
  private void forward(PetitionCaseEntity c, ImportedStep step) {
    if (c.accuses(step.toUnit())) {
      throw ProblemException.invalid(
          "toUnit",
          "NotTheAccused",
          "an accusation never goes to a unit it accuses, nor to a unit inside that unit's"
              + " department (Art 30(3))");
    }
    if (!step.by().unit().equals(c.registeringUnit)) {
      throw ProblemException.forbidden(
          "the matter is forwarded or assigned by the office that registered it, "
              + c.registeringUnit);
    }
    String mode = step.act() == Transition.ASSIGNED ? "ASSIGN" : "FORWARD";
    assignments.apply(
        new RoutingDecided(
            c.id.toString(),
            c.caseNumber,
            step.toUnit(),
            unitName(step.toUnit()),
            step.toUnit().split(":")[0],
            mode,
            "IMPORTED",
            "原系统记录的" + step.act().label(),
            actingDay.now(clock),
            false,
            null,
            List.of(),
            List.of(),
            null),
        step.by().user());
  }

  private static Acts.Opinion opinion(ImportedStep step) {
    return new Acts.Opinion(
        OpinionOutcome.valueOf(step.outcome()), null, null, step.text(), null, step.on(), false);
  }

  private List<DueDifference> differences(PetitionCaseEntity c, Map<Step, LocalDate> former) {
    List<DueDifference> differences = new ArrayList<>();
    former.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            due -> {
              LocalDate platform =
                  lifecycle.latestStep(c, due.getKey()).map(s -> s.dueOn).orElse(null);
              if (!due.getValue().equals(platform)) {
                differences.add(new DueDifference(due.getKey(), due.getValue(), platform));
              }
            });
    return differences;
  }

  /** The rules a step broke, each under the step's field, in Chinese first. */
  private static Outcome refused(String at, String act, ProblemException broken) {
    var problem = broken.problem();
    List<FieldError> errors = new ArrayList<>();
    if (problem.errors().isEmpty()) {
      errors.add(
          new FieldError(
              at,
              problem.status() == 403 ? "ActingUnit" : "Lifecycle",
              "「" + act + "」不符合办理规则，无法导入：" + problem.detail()));
    } else {
      for (FieldError e : problem.errors()) {
        errors.add(
            new FieldError(
                at + "." + e.field(), e.rule(), "「" + act + "」不符合办理规则，无法导入：" + e.message()));
      }
    }
    return new Outcome(null, false, List.copyOf(errors), List.of());
  }

  private static String unitName(String code) {
    return UNITS.nameInWords(code);
  }

  /** The step's actor as the acts take a caller: the unit, its region and the staff member. */
  private static Caller actor(Actor actor) {
    JwtClaims claims = new JwtClaims();
    claims.setClaim("upn", actor.user());
    claims.setClaim(Caller.UNIT_CLAIM, actor.unit());
    claims.setClaim(Caller.REGION_CLAIM, actor.unit().split(":")[0]);
    return new Caller(new DefaultJWTCallerPrincipal(claims));
  }
}
