package cn.gov.petition.supervision;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.outbox.EventIds;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.contracts.DeadlineAlerted;
import cn.gov.petition.contracts.DeadlineAlerted.Alert;
import cn.gov.petition.supervision.store.ClockEntity;
import cn.gov.petition.supervision.store.ClockRepository;
import cn.gov.petition.supervision.store.ClockTallies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * 时限监督: gives the warnings before a unit's deadline (临期预警, by default 3 days and 1 day before),
 * marks a step overdue (超期) the first day after its due date, and clears the mark when the step is
 * done late; each as a {@link DeadlineAlerted} event.
 *
 * <p>Every open clock carries the day it must be looked at next; the watch reads only the clocks
 * whose day has come (an indexed due-time queue), so its work follows what falls due, not how many
 * cases are open. Petitioner windows (to evaluate, to ask for a review) are not a unit's duty and
 * get no marks.
 *
 * <p>Every level's node keeps the clocks of its subtree and marks them alike (the due dates come in
 * the events, never recounted), so each level's board shows the same stage; but only the node that
 * hosts the step's unit (the one holding the case, {@link NodeRegistry}) publishes the alert, so
 * that a subscriber of the broadcast hears it once, not once per level. Its id is named after the
 * mark, so a second publisher (a node that has not yet heard of the one below it) repeats the same
 * event.
 */
@ApplicationScoped
public class DeadlineWatch {

  /** Clocks marked per transaction. */
  static final int BATCH = 500;

  private final ClockRepository clocks;
  private final Outbox outbox;
  private final Clock clock;
  private final Thresholds thresholds;
  private final ClockTallies tallies;
  private final NodeRegistry nodes;

  /** When the last sweep finished (wall clock, not the business clock): the operators' alert. */
  private final java.util.concurrent.atomic.AtomicLong lastSweepAt =
      new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis());

  public DeadlineWatch(
      ClockRepository clocks,
      Outbox outbox,
      Clock clock,
      ClockTallies tallies,
      NodeRegistry nodes,
      @ConfigProperty(name = "petition.supervision.warn-days", defaultValue = "3,1")
          List<Integer> warnDays,
      io.micrometer.core.instrument.MeterRegistry metrics) {
    metrics.gauge(
        "petition.deadlines.watch.age.seconds",
        lastSweepAt,
        last -> (System.currentTimeMillis() - last.get()) / 1000.0);
    this.tallies = tallies;
    this.nodes = nodes;
    this.clocks = clocks;
    this.outbox = outbox;
    this.clock = clock;
    this.thresholds = new Thresholds(warnDays);
  }

  @Scheduled(
      identity = "deadline-watch",
      every = "${petition.supervision.watch-every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onSchedule() {
    sweep();
  }

  /** Crosses every mark that has come by today; returns how many clocks it looked at. */
  public int sweep() {
    int total = 0;
    int looked;
    do {
      looked = QuarkusTransaction.requiringNew().call(this::sweepBatch);
      total += looked;
    } while (looked == BATCH);
    lastSweepAt.set(System.currentTimeMillis());
    return total;
  }

  private int sweepBatch() {
    LocalDate today = LocalDate.now(clock);
    List<ClockEntity> due = clocks.lockDueForCheck(today, BATCH);
    for (ClockEntity entity : due) {
      ClockTallies.Share before = ClockTallies.Share.of(entity);
      mark(entity, today);
      tallies.changed(before, entity);
    }
    return due.size();
  }

  private void mark(ClockEntity entity, LocalDate today) {
    long daysLeft = ChronoUnit.DAYS.between(today, entity.dueOn);
    if (daysLeft < 0) {
      if (entity.stage != ClockStage.OVERDUE) {
        entity.stage = ClockStage.OVERDUE;
        publish(entity, Alert.OVERDUE, daysLeft, today);
      }
      entity.nextCheckOn = null; // nothing more to mark until the step is done
      return;
    }
    Integer warning = thresholds.warningDue(daysLeft, entity.warnedDays);
    if (warning != null) {
      entity.stage = ClockStage.WARNED;
      entity.warnedDays = warning;
      publish(entity, Alert.WARNING, daysLeft, today);
    }
    entity.nextCheckOn = thresholds.nextCheck(entity.dueOn, daysLeft);
  }

  /** A clock started or given a new due date: when to look at it first. */
  public void start(ClockEntity entity) {
    if (entity.petitionerWindow) {
      entity.nextCheckOn = null;
      return;
    }
    LocalDate today = LocalDate.now(clock);
    if (entity.stage == ClockStage.OVERDUE && !entity.dueOn.isBefore(today)) {
      // a new due date (an extension) that has not passed: the overdue mark goes
      publish(entity, Alert.CLEARED, ChronoUnit.DAYS.between(today, entity.dueOn), today);
    }
    entity.stage = ClockStage.RUNNING;
    entity.warnedDays = null;
    entity.nextCheckOn = thresholds.firstCheck(entity.dueOn);
  }

  /** A step was done: an overdue mark is cleared (the step was done late). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void done(ClockEntity entity, LocalDate doneOn) {
    if (entity.stage == ClockStage.OVERDUE) {
      publish(entity, Alert.CLEARED, ChronoUnit.DAYS.between(doneOn, entity.dueOn), doneOn);
    }
    entity.nextCheckOn = null;
  }

  /**
   * Publishes an alert with an id named after the mark it crosses (case, step, due date, alert and
   * threshold), so that crossing it again after a restore from a backup publishes the same event.
   */
  private void publish(ClockEntity entity, Alert alert, long daysLeft, LocalDate on) {
    if (!nodes.hostsHere(entity.unitRegionCode)) {
      return; // the node hosting the unit speaks for the step
    }
    String mark =
        String.join(
            ":",
            "deadline",
            entity.caseId.toString(),
            entity.step.name(),
            entity.dueOn.toString(),
            alert.name(),
            alert == Alert.WARNING ? String.valueOf(entity.warnedDays) : "");
    EventIds.derivedFrom(
        mark,
        () ->
            outbox.publish(
                entity.caseId.toString(),
                entity.caseNumber,
                new DeadlineAlerted(
                    entity.caseId.toString(),
                    entity.caseNumber,
                    entity.step,
                    entity.unitCode,
                    entity.unitRegionCode,
                    entity.dueOn,
                    alert,
                    Math.toIntExact(daysLeft),
                    on)));
  }

  /**
   * The warning thresholds, in days before the due date (configurable per province).
   *
   * @param days e.g. 3 and 1
   */
  record Thresholds(List<Integer> days) {

    Thresholds {
      days = days.stream().sorted().toList();
      if (days.stream().anyMatch(d -> d < 0)) {
        throw new IllegalArgumentException("warning thresholds are days before due: " + days);
      }
    }

    /**
     * The threshold to warn at with {@code daysLeft}, if one is reached that is closer to the due
     * date than the last warning given; after a gap (the watch did not run for days) only the
     * closest reached threshold is given.
     */
    Integer warningDue(long daysLeft, Integer warnedDays) {
      for (int threshold : days) {
        if (threshold >= daysLeft) {
          return warnedDays == null || threshold < warnedDays ? threshold : null;
        }
      }
      return null;
    }

    /** The next day something is to be marked, {@code daysLeft} days before due. */
    LocalDate nextCheck(LocalDate dueOn, long daysLeft) {
      for (int i = days.size() - 1; i >= 0; i--) {
        if (days.get(i) < daysLeft) {
          return dueOn.minusDays(days.get(i));
        }
      }
      return dueOn.plusDays(1);
    }

    LocalDate firstCheck(LocalDate dueOn) {
      return days.isEmpty() ? dueOn.plusDays(1) : dueOn.minusDays(days.get(days.size() - 1));
    }
  }
}
