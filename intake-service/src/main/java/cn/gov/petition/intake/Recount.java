package cn.gov.petition.intake;

import cn.gov.petition.contracts.Step;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.CaseStepEntity;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.StepRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 期限重算: counts again, on a new calendar version, every step that version may move (ADR 23).
 *
 * <ul>
 *   <li>An open step takes its new due date (and whether it is still provisional); the change is
 *       published as the step opened again with {@code previousDueOn}.
 *   <li>A done step keeps the due date and the verdict it was judged by, unless the new date
 *       changes the verdict (late becomes on time, or the reverse): then it takes the new date and
 *       the correction is published.
 * </ul>
 *
 * Each case's changes are one {@code DEADLINES_RECOMPUTED} transition in its history and one event.
 * Only the node that owns a case recounts it; a read-only copy waits for its owner's events.
 */
@ApplicationScoped
public class Recount {

  private final StepRepository steps;
  private final CaseRepository cases;
  private final Deadlines deadlines;
  private final Lifecycle lifecycle;

  public Recount(
      StepRepository steps, CaseRepository cases, Deadlines deadlines, Lifecycle lifecycle) {
    this.steps = steps;
    this.cases = cases;
    this.deadlines = deadlines;
    this.lifecycle = lifecycle;
  }

  /**
   * What a calendar version changes for one step.
   *
   * @param open whether the step is still running
   * @param verdictChanged for a done step: whether it was on time changes
   */
  public record Change(
      UUID caseId,
      String caseNumber,
      Step step,
      String unitCode,
      LocalDate startedOn,
      LocalDate dueOn,
      boolean provisional,
      LocalDate newDueOn,
      boolean newProvisional,
      boolean open,
      boolean verdictChanged) {}

  /**
   * The changes {@code calendar}, a version not stored yet whose first changed day is {@code
   * firstChanged}, would make, without making them.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Change> preview(StatutoryCalendar calendar, LocalDate firstChanged) {
    List<Change> changes = new ArrayList<>();
    for (var entry : candidates(calendar, firstChanged).entrySet()) {
      PetitionCaseEntity c = entry.getKey();
      for (CaseStepEntity step : entry.getValue()) {
        change(c, step, deadlines.recount(step, calendar)).ifPresent(changes::add);
      }
    }
    return changes;
  }

  /**
   * Makes the changes {@code calendar} makes and publishes them; marks every step it looked at as
   * counted with that version.
   *
   * @return the changes made
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Change> apply(StatutoryCalendar calendar, String user) {
    List<Change> made = new ArrayList<>();
    for (var entry : candidates(calendar, null).entrySet()) {
      PetitionCaseEntity c = entry.getKey();
      List<Change> ofCase = new ArrayList<>();
      Lifecycle.Progress progress = null;
      for (CaseStepEntity step : entry.getValue()) {
        Deadlines.Due due = deadlines.recount(step, calendar);
        var change = change(c, step, due);
        if (change.isPresent()) {
          if (progress == null) {
            progress =
                lifecycle.begin(c, Transition.DEADLINES_RECOMPUTED, c.responsibleUnit(), user);
          }
          if (step.isOpen()) {
            progress.redate(step, due);
          } else {
            progress.correct(step, due);
          }
          ofCase.add(change.get());
        } else {
          step.calendarVersion = calendar.version();
        }
      }
      if (progress != null) {
        progress
            .outcome("CALENDAR_V" + calendar.version())
            .detail("calendarVersion", calendar.version())
            .detail(
                "changes",
                ofCase.stream()
                    .map(
                        ch ->
                            Map.of(
                                "step", ch.step().name(),
                                "previousDueOn", ch.dueOn().toString(),
                                "dueOn", ch.newDueOn().toString(),
                                "provisional", ch.newProvisional()))
                    .toList())
            .record();
        made.addAll(ofCase);
      }
    }
    return made;
  }

  /** The steps to look at, by case, for the cases this node owns. */
  private Map<PetitionCaseEntity, List<CaseStepEntity>> candidates(
      StatutoryCalendar calendar, LocalDate firstChanged) {
    Map<UUID, List<CaseStepEntity>> byCase = new LinkedHashMap<>();
    for (CaseStepEntity step : steps.toRecount(calendar.version(), firstChanged)) {
      byCase.computeIfAbsent(step.caseId, id -> new ArrayList<>()).add(step);
    }
    Map<PetitionCaseEntity, List<CaseStepEntity>> owned = new LinkedHashMap<>();
    byCase.forEach(
        (id, list) -> {
          PetitionCaseEntity c = cases.findById(id);
          if (c != null && c.isOwnedHere()) {
            owned.put(c, list);
          }
        });
    return owned;
  }

  /** What the step's new count {@code due} changes, if anything worth publishing. */
  private static java.util.Optional<Change> change(
      PetitionCaseEntity c, CaseStepEntity step, Deadlines.Due due) {
    boolean moved = !due.dueOn().equals(step.dueOn) || due.provisional() != step.provisional;
    if (!moved) {
      return java.util.Optional.empty();
    }
    boolean verdictChanged = false;
    if (!step.isOpen()) {
      boolean before = !step.doneOn.isAfter(step.dueOn);
      boolean after = !step.doneOn.isAfter(due.dueOn());
      verdictChanged = before != after;
      if (!verdictChanged) {
        return java.util.Optional.empty(); // judged by its date; the verdict stands
      }
    }
    return java.util.Optional.of(
        new Change(
            c.id,
            c.caseNumber,
            step.step,
            step.unitCode,
            step.startedOn,
            step.dueOn,
            step.provisional,
            due.dueOn(),
            due.provisional(),
            step.isOpen(),
            verdictChanged));
  }
}
