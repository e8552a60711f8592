package cn.gov.petition.supervision.events;

import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.supervision.ClockStatus;
import cn.gov.petition.supervision.DeadlineWatch;
import cn.gov.petition.supervision.store.BacklogElsewhereRepository;
import cn.gov.petition.supervision.store.BacklogRepository;
import cn.gov.petition.supervision.store.CaseEntity;
import cn.gov.petition.supervision.store.CaseRepository;
import cn.gov.petition.supervision.store.ClockEntity;
import cn.gov.petition.supervision.store.ClockRepository;
import cn.gov.petition.supervision.store.ClockTallies;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps one clock per open step of every case in this node's subtree, with the due dates the
 * lifecycle events carry: a closed step stops its clock (on time or late, as the event says), an
 * opened one starts a clock, and a step opened again while open (an extension, hearing days, a new
 * calendar version) moves its due date; a correction gives a done step the verdict a new calendar
 * version found. Beside the clocks it keeps each case's standing ({@link CaseEntity}) for the
 * backlog.
 */
@ApplicationScoped
public class CaseProgressConsumer {

  private final Inbox inbox;
  private final ClockRepository clocks;
  private final CaseRepository cases;
  private final BacklogRepository backlog;
  private final BacklogElsewhereRepository backlogElsewhere;
  private final Clock clock;
  private final String nodeRegion;
  private final DeadlineWatch watch;
  private final ClockTallies tallies;

  public CaseProgressConsumer(
      Inbox inbox,
      ClockRepository clocks,
      CaseRepository cases,
      BacklogRepository backlog,
      BacklogElsewhereRepository backlogElsewhere,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String nodeRegion,
      DeadlineWatch watch,
      ClockTallies tallies) {
    this.inbox = inbox;
    this.clocks = clocks;
    this.cases = cases;
    this.backlog = backlog;
    this.backlogElsewhere = backlogElsewhere;
    this.clock = clock;
    this.nodeRegion = nodeRegion;
    this.watch = watch;
    this.tallies = tallies;
  }

  @Incoming("case-events")
  @Blocking
  public CompletionStage<Void> onCaseEvent(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "supervision",
        batch,
        Inbox.on(EventType.CASE_PROGRESSED, CaseProgressed.class, this::apply));
  }

  private void apply(CaseProgressed progress) {
    UUID caseId = UUID.fromString(progress.caseId());
    keepStanding(caseId, progress);
    for (CaseProgressed.ClosedStep closed : progress.closedSteps()) {
      clocks
          .open(caseId, closed.step(), closed.unitCode())
          .ifPresent(
              open -> {
                ClockTallies.Share before = ClockTallies.Share.of(open);
                open.status = closed.onTime() ? ClockStatus.ON_TIME : ClockStatus.LATE;
                open.doneOn = closed.doneOn();
                watch.done(open, closed.doneOn());
                tallies.changed(before, open);
              });
    }
    for (CaseProgressed.ClosedStep corrected : progress.correctedSteps()) {
      // a new calendar version changed whether a done step was on time (ADR 23)
      clocks
          .latestDone(caseId, corrected.step(), corrected.unitCode())
          .ifPresent(
              done -> {
                done.dueOn = corrected.dueOn();
                done.status = corrected.onTime() ? ClockStatus.ON_TIME : ClockStatus.LATE;
                done.provisional = false;
              });
    }
    for (CaseProgressed.OpenedStep opened : progress.openedSteps()) {
      if (!opened.unitRegionCode().startsWith(nodeRegion)) {
        continue; // another node's subtree: its own supervision keeps that clock
      }
      ClockEntity entity =
          clocks
              .open(caseId, opened.step(), opened.unitCode())
              .orElseGet(
                  () -> {
                    ClockEntity created = new ClockEntity();
                    created.caseId = caseId;
                    created.step = opened.step();
                    created.status = ClockStatus.OPEN;
                    created.openedAt = clock.instant();
                    return created;
                  });
      ClockTallies.Share before = ClockTallies.Share.of(entity);
      entity.caseNumber = progress.caseNumber();
      entity.unitCode = opened.unitCode();
      entity.unitRegionCode = opened.unitRegionCode();
      entity.startedOn = opened.startedOn();
      entity.dueOn = opened.dueOn();
      entity.provisional = opened.isProvisional();
      entity.accusation = "ACCUSATION".equals(progress.petitionClass());
      entity.calendarVersion = opened.calendarVersion();
      entity.petitionerWindow = opened.step().isPetitionerWindow();
      watch.start(entity);
      if (entity.id == null) {
        clocks.persist(entity);
      }
      tallies.changed(before, entity);
    }
  }

  private void keepStanding(UUID caseId, CaseProgressed progress) {
    CaseEntity standing = cases.findById(caseId);
    boolean fresh = standing == null;
    if (fresh) {
      if (progress.unitCode() == null || !progress.unitRegionCode().startsWith(nodeRegion)) {
        return;
      }
      standing = new CaseEntity();
      standing.caseId = caseId;
      standing.firstSeenOn = progress.occurredOn();
      standing.lastProgressOn = progress.occurredOn();
    }
    standing.caseNumber = progress.caseNumber();
    standing.accusation = "ACCUSATION".equals(progress.petitionClass());
    if (progress.unitCode() != null) {
      if (!fresh && !progress.unitRegionCode().equals(standing.unitRegionCode)) {
        backlog.followCase(caseId, progress.unitRegionCode());
        backlogElsewhere.followCase(caseId, progress.unitCode(), progress.unitRegionCode());
      }
      standing.unitCode = progress.unitCode();
      standing.unitRegionCode = progress.unitRegionCode();
    }
    standing.status = progress.status();
    standing.ended = CaseEntity.ENDED.contains(progress.status());
    if (progress.mode() != null) {
      standing.mode = progress.mode();
    }
    if (progress.occurredOn().isAfter(standing.lastProgressOn)) {
      standing.lastProgressOn = progress.occurredOn();
    }
    switch (progress.transition()) {
      case "REPEAT_RECEIVED" -> standing.repeatCount++;
      case "EVALUATED" -> standing.evaluation = progress.outcome();
      case "REPORT_SUBMITTED" -> standing.reportSubmitted = true;
      default -> {}
    }
    if (fresh) {
      cases.persist(standing);
    }
  }
}
