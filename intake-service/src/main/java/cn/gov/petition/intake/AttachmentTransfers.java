package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.contracts.AttachmentHandedOff;
import cn.gov.petition.contracts.AttachmentHandedOff.AttachmentRecord;
import cn.gov.petition.contracts.EventType;
import cn.gov.petition.intake.store.AttachmentRepository;
import cn.gov.petition.intake.store.AttachmentRepository.Part;
import cn.gov.petition.intake.store.AttachmentRepository.Stored;
import cn.gov.petition.intake.store.AttachmentRepository.Transfer;
import cn.gov.petition.intake.store.CaseTransitionEntity;
import cn.gov.petition.intake.store.ObjectStorage;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.intake.store.TransitionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 附件移交: an attachment goes where its case goes (issue 29, docs/attachments.md). When a case is
 * handed to another node, each of its attachments is sent after the case file, and one attached at
 * the handing node later follows the same way. Sent in parts of 512 KiB through the outbox on the
 * receiving node's handoff topic, as the store keeps it (sealed with its own key); the key travels
 * in the attachment's record, sealed for that node alone like the case file. The receiving node
 * keeps the parts as they come and joins them once all have arrived: it checks the content against
 * its digest and keeps it in its own store.
 *
 * <p>The courier ({@link #pass()}) does both, every second: it publishes the next parts while no
 * more than a few wait in the outbox (its relay reads rows in batches, and parts are large), and
 * joins the attachments whose parts have all arrived and whose case file is here. A node or a store
 * that stops midway loses nothing: each part is one transaction, and joining is tried again.
 */
@ApplicationScoped
public class AttachmentTransfers {

  private static final Logger LOG = Logger.getLogger(AttachmentTransfers.class);

  /** The most bytes of sealed content one part carries (Base64 makes it 683 KiB on Kafka). */
  static final int PART_BYTES = 512 * 1024;

  /** Parts that may wait in the outbox at once. */
  private static final int WAITING = 4;

  private final AttachmentRepository attachments;
  private final ObjectStorage storage;
  private final TransitionRepository transitions;
  private final HandoffSeal seal;
  private final Outbox outbox;
  private final Clock clock;
  private final String self;

  public AttachmentTransfers(
      AttachmentRepository attachments,
      ObjectStorage storage,
      TransitionRepository transitions,
      HandoffSeal seal,
      Outbox outbox,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String self) {
    this.attachments = attachments;
    this.storage = storage;
    this.transitions = transitions;
    this.seal = seal;
    this.outbox = outbox;
    this.clock = clock;
    this.self = self;
  }

  /** Sends every attachment of the case to the node it is handed to, after the case file. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void sendAll(PetitionCaseEntity c, String node, String nodeKey) {
    for (Stored a : attachments.ofCase(c.id)) {
      send(a, node, nodeKey);
    }
  }

  /** Sends the attachment to the node, in parts, by the courier's next passes. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void send(Stored a, String node, String nodeKey) {
    if (nodeKey == null) {
      LOG.warnf(
          "Attachment %s of case %s stays here: node %s announced no handoff key when the case was"
              + " handed to it",
          a.id(), a.caseId(), node);
      return;
    }
    long sealed = Attachments.sealedSize(a.size());
    int parts = (int) ((sealed + PART_BYTES - 1) / PART_BYTES);
    attachments.transfer(a.id(), a.caseId(), node, nodeKey, parts, clock.instant());
  }

  /**
   * Keeps a part handed here until its attachment is whole. A part for another node, or whose
   * record this node cannot open, is refused (the inbox parks it with the reason); one of an
   * attachment kept here already changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void received(AttachmentHandedOff part) {
    if (!self.equals(part.toNode())) {
      throw new IllegalArgumentException(
          "attachment part " + part.transferId() + " is addressed to node " + part.toNode());
    }
    if (part.part() < 0 || part.part() >= part.parts()) {
      throw new IllegalArgumentException(
          "attachment part " + part.part() + " of " + part.parts() + " does not exist");
    }
    seal.open(part); // refuses a record sealed for another node or transfer
    UUID attachmentId = UUID.fromString(part.attachmentId());
    if (attachments.exists(attachmentId)) {
      return; // kept here already: the case came back, or the part came again
    }
    attachments.keepPart(
        new Part(
            UUID.fromString(part.transferId()),
            part.part(),
            part.parts(),
            attachmentId,
            UUID.fromString(part.caseId()),
            part.sealedRecord(),
            part.toNode(),
            Base64.getDecoder().decode(part.content())),
        clock.instant());
  }

  /** The courier: sends the parts due, joins the attachments that have arrived whole. */
  @Scheduled(
      identity = "attachment-courier",
      every = "${petition.attachments.courier-every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void pass() {
    try {
      while (QuarkusTransaction.requiringNew().call(this::sendNextPart)) {
        // one part per transaction, while the outbox takes them
      }
      for (UUID transfer :
          QuarkusTransaction.requiringNew().call(() -> attachments.wholeTransfers(8))) {
        QuarkusTransaction.requiringNew().timeout(120).run(() -> join(transfer));
      }
    } catch (RuntimeException e) {
      LOG.warnf("Attachment courier: %s; trying again on the next pass", e.toString());
    }
  }

  /**
   * Publishes the next part of the oldest transfer; false when none is due or the outbox is full.
   */
  boolean sendNextPart() {
    Transfer t =
        attachments.nextTransfer(EventType.ATTACHMENT_HANDED_OFF.type(), WAITING).orElse(null);
    if (t == null) {
      return false;
    }
    Stored a = attachments.find(t.caseId(), t.attachmentId()).orElse(null);
    if (a == null) {
      attachments.dropTransfer(t.id());
      return true;
    }
    long size = Attachments.sealedSize(a.size());
    long from = (long) t.nextPart() * PART_BYTES;
    long to = Math.min(from + PART_BYTES, size) - 1;
    byte[] content = storage.get(a.objectKey(), from, to);
    outbox.publishTo(
        t.toNode(),
        t.caseId().toString(),
        t.caseNumber(),
        new AttachmentHandedOff(
            t.id().toString(),
            t.caseId().toString(),
            t.caseNumber(),
            a.id().toString(),
            self,
            t.toNode(),
            t.nextPart(),
            t.parts(),
            seal.seal(record(a), t.nodeKey(), t.id().toString(), t.toNode()),
            Base64.getEncoder().encodeToString(content)));
    attachments.sent(t);
    if (t.nextPart() + 1 == t.parts()) {
      LOG.infof("Attachment %s of case %s sent to node %s", a.id(), t.caseNumber(), t.toNode());
    }
    return true;
  }

  /**
   * Joins the parts of an attachment handed here, checks the content against its size and digest,
   * and keeps it in this node's store and table. One that does not match is refused and dropped
   * (the handing node still has it); a store that cannot be reached leaves the parts for the next
   * pass.
   */
  void join(UUID transfer) {
    List<Part> parts = attachments.parts(transfer);
    if (parts.isEmpty()) {
      return; // another replica is joining it
    }
    Part first = parts.get(0);
    if (attachments.exists(first.attachmentId())) {
      attachments.dropParts(transfer);
      return;
    }
    AttachmentRecord r = seal.openRecord(first.sealedRecord(), transfer.toString(), first.toNode());
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (Part p : parts) {
      joined.writeBytes(p.content());
    }
    byte[] sealed = joined.toByteArray();
    byte[] key = Base64.getDecoder().decode(r.dataKey());
    byte[] plain;
    try {
      plain = Attachments.unseal(key, sealed);
    } catch (IllegalStateException e) {
      plain = null;
    }
    if (plain == null
        || plain.length != r.size()
        || !Attachments.sha256(plain).equals(r.sha256())) {
      LOG.errorf(
          "Attachment %s of case %s from transfer %s does not match its record: not kept",
          first.attachmentId(), first.caseId(), transfer);
      attachments.dropParts(transfer);
      return;
    }
    String objectKey = first.caseId() + "/" + first.attachmentId();
    storage.put(objectKey, sealed);
    attachments.add(
        new Stored(
            first.attachmentId(),
            first.caseId(),
            step(first.caseId(), r),
            r.kind(),
            r.contentType(),
            r.size(),
            r.sha256(),
            r.fileName(),
            objectKey,
            FieldCipher.instance().encrypt(r.dataKey()),
            r.unitCode(),
            r.userName(),
            r.uploadedAt(),
            0));
    attachments.dropParts(transfer);
    LOG.infof("Attachment %s of case %s received", first.attachmentId(), first.caseId());
  }

  /** What the receiving node needs of the attachment: its description and its key. */
  private AttachmentRecord record(Stored a) {
    CaseTransitionEntity step =
        a.transitionId() == null ? null : transitions.findById(a.transitionId());
    return new AttachmentRecord(
        a.kind(),
        a.contentType(),
        a.size(),
        a.sha256(),
        a.fileName(),
        FieldCipher.instance().decrypt(a.sealedDataKey()),
        a.unitCode(),
        a.userName(),
        a.uploadedAt(),
        step == null ? null : step.transition.name(),
        step == null ? null : step.occurredAt);
  }

  /** The step of the case here that the record names, or null (the case itself). */
  private Long step(UUID caseId, AttachmentRecord r) {
    if (r.transition() == null || r.transitionAt() == null) {
      return null;
    }
    return transitions.ofCase(caseId).stream()
        .filter(
            h ->
                h.transition.name().equals(r.transition()) && h.occurredAt.equals(r.transitionAt()))
        .map(h -> h.id)
        .findFirst()
        .orElse(null);
  }
}
