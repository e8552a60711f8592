package cn.gov.petition.analytics.events;

import cn.gov.petition.analytics.store.FactRepository;
import cn.gov.petition.analytics.store.VolumeRepository;
import cn.gov.petition.common.inbox.Inbox;
import cn.gov.petition.contracts.CaseProgressed;
import cn.gov.petition.contracts.CaseRegistered;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.contracts.Step;
import io.cloudevents.CloudEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the statistics' facts from the case events: every registered case counted by the day it was
 * received, its matter region and channel; every petition (first, repeat) as a petition fact; every
 * step of a unit in this node's subtree as a step fact, closed with whether it was on time.
 */
@ApplicationScoped
public class CaseEventConsumer {

  private final Inbox inbox;
  private final VolumeRepository volumes;
  private final FactRepository facts;
  private final String nodeRegion;

  public CaseEventConsumer(
      Inbox inbox,
      VolumeRepository volumes,
      FactRepository facts,
      @ConfigProperty(name = "petition.node.region") String nodeRegion) {
    this.inbox = inbox;
    this.volumes = volumes;
    this.facts = facts;
    this.nodeRegion = nodeRegion;
  }

  @Incoming("case-events")
  @Blocking
  public CompletionStage<Void> onCaseEvent(KafkaRecordBatch<String, CloudEvent> batch) {
    return inbox.receive(
        "analytics",
        batch,
        Inbox.on(EventType.CASE_REGISTERED, CaseRegistered.class, this::registered)
            .on(EventType.CASE_PROGRESSED, CaseProgressed.class, this::progressed));
  }

  private void registered(CaseRegistered registered) {
    volumes.count(
        registered.receivedOn(),
        registered.matterRegionCode(),
        registered.channel(),
        registered.personCount());
    if (registered.matterRegionCode().startsWith(nodeRegion)) {
      facts.petition(
          new FactRepository.Petition(
              UUID.fromString(registered.caseId()),
              registered.caseNumber(),
              registered.receivedOn(),
              registered.matterRegionCode(),
              registered.repeatOf() != null,
              registered.channel(),
              registered.category(),
              registered.petitionClass(),
              registered.purpose(),
              registered.personCount(),
              registered.collective(),
              regionOf(registered.registeringUnit()),
              registered.origin(),
              registered.repeatOf() == null ? null : UUID.fromString(registered.repeatOf())));
    }
  }

  private void progressed(CaseProgressed progress) {
    UUID caseId = UUID.fromString(progress.caseId());
    if ("REPEAT_RECEIVED".equals(progress.transition())
        && progress.matterRegionCode().startsWith(nodeRegion)) {
      facts.petition(
          new FactRepository.Petition(
              caseId,
              progress.caseNumber(),
              progress.occurredOn(),
              progress.matterRegionCode(),
              true,
              progress.channel(),
              progress.category(),
              progress.petitionClass(),
              null,
              null,
              null,
              null,
              null,
              caseId));
    }
    if ("MATTER_PLACE_CORRECTED".equals(progress.transition())
        && progress.matterRegionCode().startsWith(nodeRegion)) {
      facts.moved(caseId, progress.matterRegionCode());
    }
    if (Boolean.TRUE.equals(progress.escalated())
        && progress.matterRegionCode().startsWith(nodeRegion)) {
      facts.escalated(caseId);
    }
    for (CaseProgressed.ClosedStep closed : progress.closedSteps()) {
      String outcome =
          closed.step() == Step.EVALUATE && "EVALUATED".equals(progress.transition())
              ? progress.outcome()
              : null;
      facts.closed(caseId, closed, outcome);
    }
    for (CaseProgressed.ClosedStep corrected : progress.correctedSteps()) {
      facts.corrected(caseId, corrected);
    }
    for (CaseProgressed.OpenedStep opened : progress.openedSteps()) {
      if (opened.unitRegionCode().startsWith(nodeRegion)) {
        facts.opened(caseId, progress.caseNumber(), opened);
      }
    }
  }

  /** The region part of a unit code (530302:xfj → 530302). */
  private static String regionOf(String unitCode) {
    int colon = unitCode.indexOf(':');
    return colon < 0 ? unitCode : unitCode.substring(0, colon);
  }
}
