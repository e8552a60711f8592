package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.contracts.CaseHandedOff;
import cn.gov.petition.contracts.CaseHandedOff.CaseFile;
import cn.gov.petition.contracts.HandoffAccepted;
import cn.gov.petition.intake.store.AccusedEntity;
import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.CaseStepEntity;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.ContentIndex;
import cn.gov.petition.intake.store.DeadlineRuleRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.PetitionerEntity;
import cn.gov.petition.intake.store.StepRepository;
import cn.gov.petition.intake.store.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 案件移交: hands a case file to the node that hosts its unit, takes over the files other nodes hand to
 * this one, and records their receipts (docs/nodes.md).
 *
 * <p>Exactly one node acts on a case: the handing node stops acting in the transaction that writes
 * the handoff (its copy is read-only from then on), the receiving node starts in the transaction
 * that records the file and writes the receipt. The outbox carries both, so neither is lost when a
 * node or Kafka stops midway; a redelivered handoff finds the case already here and changes
 * nothing.
 */
@ApplicationScoped
public class Handoffs {

  private static final Logger LOG = Logger.getLogger(Handoffs.class);

  private final CaseRepository cases;
  private final StepRepository steps;
  private final TransitionRepository history;
  private final Outbox outbox;
  private final Clock clock;
  private final String self;
  private final DeadlineRuleRepository rules;
  private final HandoffSeal seal;
  private final ContentIndex words;
  private final AttachmentTransfers transfers;
  private final NodeRegistry nodes;
  private final ActingDay actingDay;

  public Handoffs(
      CaseRepository cases,
      StepRepository steps,
      TransitionRepository history,
      Outbox outbox,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String self,
      DeadlineRuleRepository rules,
      HandoffSeal seal,
      ContentIndex words,
      AttachmentTransfers transfers,
      NodeRegistry nodes,
      ActingDay actingDay) {
    this.nodes = nodes;
    this.actingDay = actingDay;
    this.transfers = transfers;
    this.words = words;
    this.rules = rules;
    this.seal = seal;
    this.cases = cases;
    this.steps = steps;
    this.history = history;
    this.outbox = outbox;
    this.clock = clock;
    this.self = self;
  }

  /** Whether a decision's node is another than this one: the case must be handed off. */
  public boolean isElsewhere(String node) {
    return node != null && !node.equals(self);
  }

  /**
   * Where a case goes after an act on this node gave it to a unit of {@code regionCode} (an upheld
   * objection, a review one level up): the node hosting that unit, when it is another one with a
   * key to seal the file for ({@link NodeRegistry#handoffTarget}); empty when the case stays here.
   * The act records its history entry, then hands the case off ({@link #handOff(PetitionCaseEntity,
   * NodeRegistry.Node)}), so that the file carries the act. A former system's case stays on the
   * node that imports it: its history is replayed here whole (ADR 28).
   */
  public Optional<NodeRegistry.Node> destination(String regionCode) {
    return actingDay.replaying() ? Optional.empty() : nodes.handoffTarget(regionCode);
  }

  /** Hands the case to a node of the registry ({@link #destination}). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void handOff(PetitionCaseEntity entity, NodeRegistry.Node node) {
    handOff(entity, node.regionCode(), node.handoffKey());
  }

  /**
   * Hands the case to {@code node}, its file sealed with the node's public key ({@link
   * HandoffSeal}); from now on this node only keeps a read-only copy.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void handOff(PetitionCaseEntity entity, String node, String nodeKey) {
    UUID handoffId = UUID.randomUUID();
    entity.handedToNode = node;
    entity.handedToKey = nodeKey;
    entity.handedOffAt = clock.instant();
    entity.handoffId = handoffId;
    entity.handoffAcceptedAt = null;
    outbox.publishTo(
        node,
        entity.id.toString(),
        entity.caseNumber,
        new CaseHandedOff(
            handoffId.toString(),
            entity.id.toString(),
            entity.caseNumber,
            self,
            node,
            entity.handedOffAt,
            null,
            seal.seal(file(entity), nodeKey, handoffId.toString(), node)));
    transfers.sendAll(entity, node, nodeKey);
    LOG.infof("Case %s handed off to node %s (handoff %s)", entity.caseNumber, node, handoffId);
  }

  /** Takes over a case another node handed here, and confirms it to that node. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void receive(CaseHandedOff handoff) {
    if (!self.equals(handoff.toNode())) {
      throw new IllegalArgumentException(
          "handoff " + handoff.handoffId() + " is addressed to node " + handoff.toNode());
    }
    UUID caseId = UUID.fromString(handoff.caseId());
    UUID handoffId = UUID.fromString(handoff.handoffId());
    PetitionCaseEntity entity = cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
    if (entity != null && handoffId.equals(entity.handoffId)) {
      LOG.debugf("handoff %s of case %s received before", handoffId, handoff.caseNumber());
      return;
    }
    if (entity != null && entity.isOwnedHere()) {
      // owned here and not handed away: a handoff of a case this node owns is a mistake upstream
      throw new IllegalStateException(
          "case " + handoff.caseNumber() + " is owned by this node; handoff " + handoffId);
    }
    boolean firstTime = entity == null;
    if (firstTime) {
      entity = new PetitionCaseEntity();
      entity.id = caseId;
    } else {
      // handed back: the file replaces the read-only copy kept when this node handed it away
      steps.delete("caseId", caseId);
      history.delete("caseId", caseId);
      entity.petitioners.clear();
      entity.accused.clear();
      cases.flush();
    }
    CaseFile file = seal.open(handoff);
    take(entity, handoff, file);
    if (firstTime) {
      cases.persist(entity);
    }
    words.index(caseId, entity.content);
    for (CaseHandedOff.StepRecord s : file.steps()) {
      CaseStepEntity step = new CaseStepEntity();
      step.caseId = caseId;
      step.step = s.step();
      step.unitCode = s.unitCode();
      step.unitRegionCode = s.unitRegionCode();
      step.startedOn = s.startedOn();
      step.dueOn = s.dueOn();
      step.doneOn = s.doneOn();
      // a sender before the counting fields: the period as it was counted, on version 1
      step.days =
          s.days() != null
              ? s.days()
              : (int) java.time.temporal.ChronoUnit.DAYS.between(s.startedOn(), s.dueOn());
      step.extensionDays = s.extensionDays() == null ? 0 : s.extensionDays();
      step.excludedDays = s.excludedDays() == null ? 0 : s.excludedDays();
      step.calendarVersion = s.calendarVersion() == null ? 1 : s.calendarVersion();
      step.provisional = Boolean.TRUE.equals(s.provisional());
      step.withdrawn = Boolean.TRUE.equals(s.withdrawn());
      step.ruleId =
          rules
              .inEffect(step.step.name(), step.unitRegionCode.substring(0, 2), entity.receivedOn)
              .map(r -> r.id)
              .orElse(null);
      steps.persist(step);
    }
    for (CaseHandedOff.HistoryEntry h : file.history()) {
      CaseTransitionEntity entry = new CaseTransitionEntity();
      entry.caseId = caseId;
      entry.transition = Transition.valueOf(h.transition());
      entry.fromStatus = valueOf(CaseStatus.class, h.fromStatus());
      entry.toStatus = CaseStatus.valueOf(h.toStatus());
      entry.occurredOn = h.occurredOn();
      entry.occurredAt = h.occurredAt();
      entry.unitCode = h.unitCode();
      entry.userName = h.userName();
      entry.details = h.details() == null ? new LinkedHashMap<>() : h.details();
      history.persist(entry);
    }
    outbox.publishTo(
        handoff.fromNode(),
        handoff.caseId(),
        handoff.caseNumber(),
        new HandoffAccepted(
            handoff.handoffId(),
            handoff.caseId(),
            handoff.caseNumber(),
            handoff.fromNode(),
            self,
            entity.receivedAt));
    LOG.infof(
        "Case %s received from node %s (handoff %s)",
        handoff.caseNumber(), handoff.fromNode(), handoffId);
  }

  /** Records that the node a case was handed to owns it now. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void accepted(HandoffAccepted receipt) {
    PetitionCaseEntity entity = cases.findById(UUID.fromString(receipt.caseId()));
    if (entity == null || !receipt.handoffId().equals(String.valueOf(entity.handoffId))) {
      LOG.warnf(
          "receipt for handoff %s of case %s matches no handoff of this node",
          receipt.handoffId(), receipt.caseNumber());
      return;
    }
    if (entity.handoffAcceptedAt == null) {
      entity.handoffAcceptedAt = receipt.acceptedAt();
    }
  }

  private void take(PetitionCaseEntity entity, CaseHandedOff handoff, CaseFile file) {
    entity.caseNumber = handoff.caseNumber();
    entity.queryCode = file.queryCode();
    entity.queryCodeDigest = FieldCipher.instance().digest(file.queryCode());
    entity.channel = Channel.valueOf(file.channel());
    entity.origin = Origin.valueOf(file.origin());
    entity.intermediaryName = file.intermediaryName();
    entity.intermediaryPost = file.intermediaryPost();
    entity.receivedOn = file.receivedOn();
    entity.registeredAt = file.registeredAt();
    entity.registeringUnit = file.registeringUnit();
    entity.registeredBy = file.registeredBy();
    entity.matterRegionCode = file.matterRegionCode();
    entity.petitionClass = PetitionClass.valueOf(file.petitionClass());
    entity.purpose = valueOf(Purpose.class, file.purpose());
    entity.category = file.category();
    entity.content = file.content();
    entity.personCount = file.personCount();
    entity.involvedCount = file.involvedCount();
    entity.anonymous = file.anonymous();
    entity.confidential = file.confidential();
    entity.collective = file.collective();
    entity.escalated = file.escalated();
    entity.newFacts = file.newFacts();
    entity.repeatOf = file.repeatOf() == null ? null : UUID.fromString(file.repeatOf());
    entity.status = CaseStatus.valueOf(file.status());
    entity.handlingUnit = file.handlingUnit();
    entity.handlingUnitName = file.handlingUnitName();
    entity.handlingRegion = file.handlingRegion();
    entity.routingMode = file.routingMode();
    entity.routingExplanation = file.routingExplanation();
    entity.assignedOn = file.assignedOn();
    entity.informedUnits = Assignments.listOf(file.informedUnits());
    entity.excludedUnits = Assignments.listOf(file.excludedUnits());
    entity.handedToNode = null;
    entity.handedToKey = null;
    entity.handedOffAt = null;
    entity.handoffAcceptedAt = null;
    entity.handoffId = UUID.fromString(handoff.handoffId());
    entity.receivedFromNode = handoff.fromNode();
    entity.receivedAt = clock.instant();
    int position = 0;
    for (CaseHandedOff.Petitioner p : file.petitioners()) {
      PetitionerEntity petitioner =
          PetitionerEntity.of(
              entity,
              position++,
              PartyKind.valueOf(p.kind()),
              p.name(),
              valueOf(IdType.class, p.idType()),
              p.idNumber(),
              p.phone(),
              p.address(),
              p.addressRegionCode());
      petitioner.smsConsent = p.smsConsent();
      entity.petitioners.add(petitioner);
    }
    position = 0;
    for (CaseHandedOff.Accused a : file.accused()) {
      AccusedEntity accused = new AccusedEntity();
      accused.petitionCase = entity;
      accused.position = position++;
      accused.kind = PartyKind.valueOf(a.kind());
      accused.name = a.name();
      accused.unitCode = a.unitCode();
      accused.unitName = a.unitName();
      accused.post = a.post();
      accused.rank = a.rank();
      accused.leader = a.leader();
      entity.accused.add(accused);
    }
  }

  private CaseFile file(PetitionCaseEntity entity) {
    return new CaseFile(
        entity.queryCode,
        entity.channel.name(),
        entity.origin.name(),
        entity.intermediaryName,
        entity.intermediaryPost,
        entity.receivedOn,
        entity.registeredAt,
        entity.registeringUnit,
        entity.registeredBy,
        entity.matterRegionCode,
        entity.petitionClass.name(),
        name(entity.purpose),
        entity.category,
        entity.content,
        entity.personCount,
        entity.involvedCount,
        entity.anonymous,
        entity.confidential,
        entity.collective,
        entity.escalated,
        entity.newFacts,
        entity.repeatOf == null ? null : entity.repeatOf.toString(),
        entity.status.name(),
        entity.handlingUnit,
        entity.handlingUnitName,
        entity.handlingRegion,
        entity.routingMode,
        entity.routingExplanation,
        entity.assignedOn,
        List.copyOf(entity.informedUnits),
        List.copyOf(entity.excludedUnits),
        entity.petitioners.stream()
            .sorted(Comparator.comparingInt((PetitionerEntity p) -> p.position))
            .map(
                p ->
                    new CaseHandedOff.Petitioner(
                        p.kind.name(),
                        p.name,
                        name(p.idType),
                        p.idNumber,
                        p.phone,
                        p.address,
                        p.addressRegionCode,
                        p.smsConsent))
            .toList(),
        entity.accused.stream()
            .sorted(Comparator.comparingInt((AccusedEntity a) -> a.position))
            .map(
                a ->
                    new CaseHandedOff.Accused(
                        a.kind.name(), a.name, a.unitCode, a.unitName, a.post, a.rank, a.leader))
            .toList(),
        steps.ofCase(entity.id).stream()
            .map(
                s ->
                    new CaseHandedOff.StepRecord(
                        s.step,
                        s.unitCode,
                        s.unitRegionCode,
                        s.startedOn,
                        s.dueOn,
                        s.doneOn,
                        s.days,
                        s.extensionDays,
                        s.excludedDays,
                        s.calendarVersion,
                        s.provisional,
                        s.withdrawn))
            .toList(),
        history.ofCase(entity.id).stream()
            .map(
                h ->
                    new CaseHandedOff.HistoryEntry(
                        h.transition.name(),
                        name(h.fromStatus),
                        h.toStatus.name(),
                        h.occurredOn,
                        h.occurredAt,
                        h.unitCode,
                        h.userName,
                        h.details))
            .toList());
  }

  /** An optional value of the case file, as the handoff event carries it (its name or null). */
  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
