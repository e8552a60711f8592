package cn.gov.petition.intake;

import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.store.CaseStepEntity;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.StepRepository;
import cn.gov.petition.intake.store.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lifecycle engine: checks that a transition is allowed in the case's status, closes and opens
 * the deadline steps it concerns, records it in the case history and announces it as one {@code
 * case.progressed} event in the same transaction. What each transition decides is {@link
 * Handling}'s business; how a transition is recorded is this class's.
 */
@ApplicationScoped
public class Lifecycle {

  private final StepRepository steps;
  private final TransitionRepository history;
  private final Deadlines deadlines;
  private final Outbox outbox;
  private final Clock clock;
  private final ActingDay actingDay;

  public Lifecycle(
      StepRepository steps,
      TransitionRepository history,
      Deadlines deadlines,
      Outbox outbox,
      Clock clock,
      ActingDay actingDay) {
    this.steps = steps;
    this.history = history;
    this.deadlines = deadlines;
    this.outbox = outbox;
    this.clock = clock;
    this.actingDay = actingDay;
  }

  /**
   * Starts a transition, refusing it with 409 if the case was handed to another node (which alone
   * acts on it now) or if the case's status does not allow it; the refusal names the status and the
   * steps that are due instead.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Progress begin(
      PetitionCaseEntity petitionCase, Transition transition, String unit, String user) {
    requireAllowed(petitionCase, transition);
    return new Progress(
        petitionCase, transition, petitionCase.status, unit, user, actingDay.today(clock));
  }

  /**
   * Refuses with 409 a transition on a case handed to another node, or one its status does not
   * allow; the refusal names the status and the steps that are due instead.
   */
  public void requireAllowed(PetitionCaseEntity petitionCase, Transition transition) {
    if (!petitionCase.isOwnedHere()) {
      throw ProblemException.conflict(
          "案件已移交 %s 节点 / the case was handed to node %s on %s and is handled there; this node keeps a read-only copy"
              .formatted(
                  petitionCase.handedToNode, petitionCase.handedToNode, petitionCase.handedOffAt));
    }
    CaseStatus status = petitionCase.status;
    if (!transition.allowedFrom(status)) {
      throw ProblemException.conflict(
          "%s (%s) is not possible while the case is %s (%s); it is possible from %s. %s"
              .formatted(
                  transition.label(),
                  transition.name(),
                  status.label(),
                  status.name(),
                  transition.from().stream()
                      .map(Enum::name)
                      .sorted()
                      .collect(Collectors.joining(", ")),
                  dueNow(petitionCase)));
    }
  }

  /** The day an act taken now is dated ({@link ActingDay}). */
  @Transactional(Transactional.TxType.MANDATORY)
  public LocalDate today() {
    return actingDay.today(clock);
  }

  /** "Due now: 办理答复 (HANDLE) by 2027-01-30." or "No step is due." */
  public String dueNow(PetitionCaseEntity petitionCase) {
    List<CaseStepEntity> open = steps.openOf(petitionCase.id);
    if (open.isEmpty()) {
      return "No step is due.";
    }
    return "Due now: "
        + open.stream()
            .map(s -> s.step.label() + " (" + s.step + ") by " + s.dueOn)
            .collect(Collectors.joining(", "))
        + ".";
  }

  /** The case's history, oldest first. */
  public List<CaseTransitionEntity> historyOf(PetitionCaseEntity petitionCase) {
    return history.ofCase(petitionCase.id);
  }

  public List<CaseStepEntity> stepsOf(PetitionCaseEntity petitionCase) {
    return steps.ofCase(petitionCase.id);
  }

  /** The case's open steps, soonest due first. */
  public List<CaseStepEntity> openSteps(PetitionCaseEntity petitionCase) {
    return steps.openOf(petitionCase.id);
  }

  public java.util.Optional<CaseStepEntity> openStep(PetitionCaseEntity petitionCase, Step step) {
    return steps.open(petitionCase.id, step);
  }

  public java.util.Optional<CaseStepEntity> latestStep(PetitionCaseEntity petitionCase, Step step) {
    return steps.latest(petitionCase.id, step);
  }

  /**
   * The document the transition served, as it prints (with the last day to ask for a review, for an
   * opinion), or none if it served none.
   *
   * @param petitionersShown whether the reader may see the petitioner's name (else 信访人)
   */
  public java.util.Optional<Documents.Document> document(
      PetitionCaseEntity c, CaseTransitionEntity t, boolean petitionersShown) {
    return Documents.Kind.of(t)
        .map(
            kind ->
                Documents.compose(
                    c,
                    t,
                    kind,
                    petitionersShown,
                    Documents.remedyStep(kind)
                        .flatMap(step -> latestStep(c, step))
                        .map(s -> s.dueOn)
                        .orElse(null)));
  }

  /**
   * One transition being taken: collect what it closes, opens and decides, then {@link #record}.
   */
  public final class Progress {
    private final PetitionCaseEntity petitionCase;
    private final Transition transition;
    private final CaseStatus before;
    private CaseStatus after;
    private final String unit;
    private final String user;
    private final LocalDate today;
    private final List<CaseProgressed.ClosedStep> closed = new ArrayList<>();
    private final List<CaseProgressed.OpenedStep> opened = new ArrayList<>();
    private final List<CaseProgressed.ClosedStep> corrected = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private String outcome;

    private Progress(
        PetitionCaseEntity petitionCase,
        Transition transition,
        CaseStatus before,
        String unit,
        String user,
        LocalDate today) {
      this.petitionCase = petitionCase;
      this.transition = transition;
      this.before = before;
      this.after = transition.target(before);
      this.unit = unit;
      this.user = user;
      this.today = today;
    }

    public LocalDate today() {
      return today;
    }

    /** Overrides the status the transition leads to (an objection decision returns to routing). */
    public Progress to(CaseStatus status) {
      this.after = status;
      return this;
    }

    /** Completes the step if it is open. */
    public Progress close(Step step) {
      return close(step, today);
    }

    /**
     * Completes the step if it is open, as done on {@code doneOn}: a reply is judged by the day the
     * opinion was served (domain.md §3.1), which may be before the day it is recorded.
     */
    public Progress close(Step step, LocalDate doneOn) {
      steps.open(petitionCase.id, step).ifPresent(open -> close(open, doneOn));
      return this;
    }

    /** Completes this open step (of the several a case may owe at once: 协办) on {@code doneOn}. */
    public Progress close(CaseStepEntity open, LocalDate doneOn) {
      open.doneOn = doneOn;
      closed.add(
          new CaseProgressed.ClosedStep(
              open.step,
              open.dueOn,
              doneOn,
              !doneOn.isAfter(open.dueOn),
              null,
              null,
              open.unitCode));
      return this;
    }

    /** Stops this open step as no longer owed: counted neither on time nor late. */
    public Progress withdraw(CaseStepEntity open) {
      open.doneOn = today;
      open.withdrawn = true;
      closed.add(
          new CaseProgressed.ClosedStep(
              open.step, open.dueOn, today, false, null, true, open.unitCode));
      return this;
    }

    /**
     * Stops every open step as no longer owed: an upheld objection took the matter from the unit,
     * whose steps then count in no rate (neither on time nor late).
     */
    public Progress withdrawAll() {
      steps.openOf(petitionCase.id).forEach(this::withdraw);
      return this;
    }

    /** Completes every open step but those named (a case that ends leaves nothing running). */
    public Progress closeAllBut(Step... keep) {
      List<Step> kept = List.of(keep);
      for (CaseStepEntity open : steps.openOf(petitionCase.id)) {
        if (!kept.contains(open.step)) {
          close(open, today);
        }
      }
      return this;
    }

    /**
     * Starts a step whose period begins after {@code start}, due as the deadline table of the
     * case's regulation says; a step that regulation does not know (the 2005 text has no objection
     * window) is not opened.
     */
    public Progress open(Step step, String unitCode, String unitRegion, LocalDate start) {
      return open(step, unitCode, unitRegion, start, null);
    }

    /**
     * Starts a step with the days the assigning body set ({@code days}; null: the table's), as a
     * 交办's closing report (Art 22(1)(3)).
     */
    public Progress open(
        Step step, String unitCode, String unitRegion, LocalDate start, Integer days) {
      deadlines
          .due(step, unitRegion, petitionCase.receivedOn, start, days)
          .ifPresent(
              due -> {
                CaseStepEntity entity = new CaseStepEntity();
                entity.caseId = petitionCase.id;
                entity.step = step;
                entity.unitCode = unitCode;
                entity.unitRegionCode = unitRegion;
                entity.startedOn = start;
                entity.ruleId = due.rule().id;
                entity.days = due.days();
                date(entity, due);
                steps.persist(entity);
                opened.add(opened(entity, null));
              });
      return this;
    }

    /**
     * Starts a step due on the day a unit set rather than the table ({@code due}): a 协办 by the day
     * the lead unit asked for, counted as calendar days if a new calendar version recounts it.
     */
    public Progress openUntil(
        Step step, String unitCode, String unitRegion, LocalDate start, Deadlines.Due due) {
      CaseStepEntity entity = new CaseStepEntity();
      entity.caseId = petitionCase.id;
      entity.step = step;
      entity.unitCode = unitCode;
      entity.unitRegionCode = unitRegion;
      entity.startedOn = start;
      entity.days = due.days();
      date(entity, due);
      steps.persist(entity);
      opened.add(opened(entity, null));
      return this;
    }

    /**
     * Counts an open step's period again after its extension or excluded days changed, on the
     * current calendar. Announced as the step opened again with its new date: consumers keep one
     * clock per open step.
     */
    public Progress recount(CaseStepEntity open) {
      return redate(open, deadlines.recount(open));
    }

    /** Gives an open step a due date counted elsewhere (on a calendar version being loaded). */
    public Progress redate(CaseStepEntity open, Deadlines.Due due) {
      LocalDate previous = open.dueOn;
      date(open, due);
      opened.add(opened(open, previous));
      return this;
    }

    /**
     * Gives a done step the due date a new calendar version counts, when it changes whether the
     * step was on time; announced as a correction.
     */
    public Progress correct(CaseStepEntity done, Deadlines.Due due) {
      LocalDate previous = done.dueOn;
      date(done, due);
      corrected.add(
          new CaseProgressed.ClosedStep(
              done.step,
              done.dueOn,
              done.doneOn,
              !done.doneOn.isAfter(done.dueOn),
              previous,
              null,
              done.unitCode));
      return this;
    }

    private static void date(CaseStepEntity entity, Deadlines.Due due) {
      entity.dueOn = due.dueOn();
      entity.calendarVersion = due.calendarVersion();
      entity.provisional = due.provisional();
    }

    private static CaseProgressed.OpenedStep opened(CaseStepEntity s, LocalDate previousDueOn) {
      return new CaseProgressed.OpenedStep(
          s.step,
          s.unitCode,
          s.unitRegionCode,
          s.startedOn,
          s.dueOn,
          s.calendarVersion,
          s.provisional,
          previousDueOn);
    }

    public Progress outcome(String outcome) {
      this.outcome = outcome;
      details.put("outcome", outcome);
      return this;
    }

    /** What the transition decided, kept in the history and printed in its document. */
    public Progress detail(String key, Object value) {
      if (value != null) {
        details.put(key, value instanceof Enum<?> e ? e.name() : value);
      }
      return this;
    }

    /** Records the transition and publishes it; the caller's transaction commits both. */
    public CaseTransitionEntity record() {
      CaseTransitionEntity entry = keep();
      publish(entry);
      return entry;
    }

    /**
     * Records the transition in the case's history only: an act inside the unit that other systems
     * neither count nor follow (who in the unit handles the case).
     */
    public CaseTransitionEntity recordHere() {
      return keep();
    }

    private CaseTransitionEntity keep() {
      petitionCase.status = after;
      CaseTransitionEntity entry = new CaseTransitionEntity();
      entry.caseId = petitionCase.id;
      entry.transition = transition;
      entry.fromStatus = transition == Transition.REGISTERED ? null : before;
      entry.toStatus = after;
      entry.occurredOn = today;
      entry.occurredAt = actingDay.now(clock);
      entry.unitCode = unit;
      entry.userName = user;
      entry.details = details;
      history.persist(entry);
      return entry;
    }

    private void publish(CaseTransitionEntity entry) {
      outbox.publish(
          petitionCase.id.toString(),
          petitionCase.caseNumber,
          new CaseProgressed(
              petitionCase.id.toString(),
              petitionCase.caseNumber,
              transition.name(),
              after.name(),
              petitionCase.petitionClass.name(),
              petitionCase.channel.name(),
              petitionCase.category,
              petitionCase.matterRegionCode,
              petitionCase.responsibleUnit(),
              petitionCase.responsibleRegion(),
              petitionCase.routingMode,
              outcome,
              today,
              entry.occurredAt,
              closed,
              opened,
              petitionCase.escalated,
              corrected,
              actingDay.replaying() ? Boolean.TRUE : null));
    }
  }
}
