package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 附件 ({@code attachment}, {@code attachment_read}, V25): what the node knows of each attachment
 * kept in the object store, with the file's name opened here and the data key still sealed, and
 * every reading of one.
 */
@ApplicationScoped
public class AttachmentRepository {

  /** One attachment, its file name opened, its data key as stored (sealed). */
  public record Stored(
      UUID id,
      UUID caseId,
      Long transitionId,
      String kind,
      String contentType,
      long size,
      String sha256,
      String fileName,
      String objectKey,
      String sealedDataKey,
      String unitCode,
      String userName,
      Instant uploadedAt,
      long reads) {}

  private final EntityManager em;

  public AttachmentRepository(EntityManager em) {
    this.em = em;
  }

  /** Keeps the attachment's row; the file name is sealed here. */
  public void add(Stored a) {
    em.createNativeQuery(
            "INSERT INTO attachment (id, case_id, transition_id, kind, content_type, size, sha256,"
                + " file_name, object_key, data_key, unit_code, user_name, uploaded_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
        .setParameter(1, a.id())
        .setParameter(2, a.caseId())
        .setParameter(3, a.transitionId())
        .setParameter(4, a.kind())
        .setParameter(5, a.contentType())
        .setParameter(6, a.size())
        .setParameter(7, a.sha256())
        .setParameter(8, FieldCipher.instance().encrypt(a.fileName()))
        .setParameter(9, a.objectKey())
        .setParameter(10, a.sealedDataKey())
        .setParameter(11, a.unitCode())
        .setParameter(12, a.userName())
        .setParameter(13, a.uploadedAt())
        .executeUpdate();
  }

  /**
   * Keeps the row of an attachment a citizen added to an online submission: it has no case until
   * the submission is registered ({@link #moveToCase}).
   */
  public void addToSubmission(Stored a, UUID submissionId) {
    em.createNativeQuery(
            "INSERT INTO attachment (id, submission_id, kind, content_type, size, sha256,"
                + " file_name, object_key, data_key, unit_code, user_name, uploaded_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
        .setParameter(1, a.id())
        .setParameter(2, submissionId)
        .setParameter(3, a.kind())
        .setParameter(4, a.contentType())
        .setParameter(5, a.size())
        .setParameter(6, a.sha256())
        .setParameter(7, FieldCipher.instance().encrypt(a.fileName()))
        .setParameter(8, a.objectKey())
        .setParameter(9, a.sealedDataKey())
        .setParameter(10, a.unitCode())
        .setParameter(11, a.userName())
        .setParameter(12, a.uploadedAt())
        .executeUpdate();
  }

  /** The attachments of a submission, oldest first. */
  public List<Stored> ofSubmission(UUID submissionId) {
    return select("a.submission_id = ?1 ORDER BY a.uploaded_at, a.id", submissionId);
  }

  /** The submission's attachments belong to the case registered from it. */
  public void moveToCase(UUID submissionId, UUID caseId) {
    em.createNativeQuery("UPDATE attachment SET case_id = ?2 WHERE submission_id = ?1")
        .setParameter(1, submissionId)
        .setParameter(2, caseId)
        .executeUpdate();
  }

  /** The case's attachments, oldest first, each with how often it was read. */
  public List<Stored> ofCase(UUID caseId) {
    return select("a.case_id = ?1 ORDER BY a.uploaded_at, a.id", caseId);
  }

  /** The attachment of the case, if it has one with this id. */
  public Optional<Stored> find(UUID caseId, UUID id) {
    List<Stored> found = select("a.case_id = ?1 AND a.id = ?2", caseId, id);
    return found.stream().findFirst();
  }

  /**
   * Removes the case's attachments (their rows, readings and unfinished transfers), as the
   * retention job does; their data keys go with the rows, so the objects left in the store are
   * unreadable until they are deleted there too.
   *
   * @return the attachments removed
   */
  public List<Stored> dropOfCase(UUID caseId) {
    List<Stored> dropped = ofCase(caseId);
    if (!dropped.isEmpty()) {
      for (String table : List.of("attachment_read", "attachment_transfer")) {
        em.createNativeQuery(
                "DELETE FROM "
                    + table
                    + " WHERE attachment_id IN (SELECT id FROM attachment WHERE case_id = ?1)")
            .setParameter(1, caseId)
            .executeUpdate();
      }
      em.createNativeQuery("DELETE FROM attachment WHERE case_id = ?1")
          .setParameter(1, caseId)
          .executeUpdate();
    }
    return dropped;
  }

  /** Records a reading of the attachment's content. */
  public void read(UUID id, String unit, String user, Instant at) {
    em.createNativeQuery(
            "INSERT INTO attachment_read (attachment_id, unit_code, user_name, read_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, id)
        .setParameter(2, unit)
        .setParameter(3, user)
        .setParameter(4, at)
        .executeUpdate();
  }

  /** An attachment on its way to another node: the next part to send, of how many. */
  public record Transfer(
      UUID id,
      UUID attachmentId,
      UUID caseId,
      String caseNumber,
      String toNode,
      String nodeKey,
      int nextPart,
      int parts) {}

  /** Records that the attachment is to be sent to {@code toNode}, in {@code parts} parts. */
  public void transfer(
      UUID attachmentId, UUID caseId, String toNode, String nodeKey, int parts, Instant at) {
    em.createNativeQuery(
            "INSERT INTO attachment_transfer (id, attachment_id, case_id, to_node, node_key, parts,"
                + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, attachmentId)
        .setParameter(3, caseId)
        .setParameter(4, toNode)
        .setParameter(5, nodeKey)
        .setParameter(6, parts)
        .setParameter(7, at)
        .executeUpdate();
  }

  /**
   * The oldest transfer with parts to send, locked (another replica takes another), or none while
   * {@code waiting} parts still wait in the outbox: the relay reads its rows in batches, and parts
   * are large.
   */
  public Optional<Transfer> nextTransfer(String partType, int waiting) {
    Number queued =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM (SELECT 1 FROM outbox_event WHERE event_type = ?1"
                        + " LIMIT ?2) q")
                .setParameter(1, partType)
                .setParameter(2, waiting)
                .getSingleResult();
    if (queued.intValue() >= waiting) {
      return Optional.empty();
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT t.id, t.attachment_id, t.case_id, c.case_number, t.to_node, t.node_key,"
                    + " t.next_part, t.parts FROM attachment_transfer t"
                    + " JOIN petition_case c ON c.id = t.case_id"
                    + " ORDER BY t.created_at, t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED")
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new Transfer(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    ((Number) r[6]).intValue(),
                    ((Number) r[7]).intValue()))
        .findFirst();
  }

  /** The transfer's next part is out: on to the one after it, or done with the last. */
  public void sent(Transfer t) {
    if (t.nextPart() + 1 >= t.parts()) {
      dropTransfer(t.id());
    } else {
      em.createNativeQuery("UPDATE attachment_transfer SET next_part = ?2 WHERE id = ?1")
          .setParameter(1, t.id())
          .setParameter(2, t.nextPart() + 1)
          .executeUpdate();
    }
  }

  /** Forgets a transfer (all sent, or its attachment is gone). */
  public void dropTransfer(UUID id) {
    em.createNativeQuery("DELETE FROM attachment_transfer WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** Whether this node keeps the attachment already. */
  public boolean exists(UUID id) {
    return !em.createNativeQuery("SELECT 1 FROM attachment WHERE id = ?1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  /** One part of an attachment handed here, as it arrived (its content still sealed). */
  public record Part(
      UUID transferId,
      int part,
      int parts,
      UUID attachmentId,
      UUID caseId,
      String sealedRecord,
      String toNode,
      byte[] content) {}

  /** Keeps a part until its attachment is whole; a part kept before changes nothing. */
  public void keepPart(Part p, Instant at) {
    em.createNativeQuery(
            "INSERT INTO attachment_part (transfer_id, part, parts, attachment_id, case_id,"
                + " sealed_record, to_node, content, received_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
        .setParameter(1, p.transferId())
        .setParameter(2, p.part())
        .setParameter(3, p.parts())
        .setParameter(4, p.attachmentId())
        .setParameter(5, p.caseId())
        .setParameter(6, p.sealedRecord())
        .setParameter(7, p.toNode())
        .setParameter(8, p.content())
        .setParameter(9, at)
        .executeUpdate();
  }

  /** Transfers whose every part has arrived, of cases this node holds: to be joined. */
  public List<UUID> wholeTransfers(int limit) {
    List<?> ids =
        em.createNativeQuery(
                "SELECT p.transfer_id FROM attachment_part p"
                    + " WHERE EXISTS (SELECT 1 FROM petition_case c WHERE c.id = p.case_id)"
                    + " GROUP BY p.transfer_id HAVING count(*) = max(p.parts)"
                    + " ORDER BY min(p.received_at) LIMIT ?1")
            .setParameter(1, limit)
            .getResultList();
    return ids.stream().map(UUID.class::cast).toList();
  }

  /** The parts of a transfer in order, locked (empty if another replica is joining them). */
  public List<Part> parts(UUID transferId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT transfer_id, part, parts, attachment_id, case_id, sealed_record, to_node,"
                    + " content FROM attachment_part WHERE transfer_id = ?1 ORDER BY part"
                    + " FOR UPDATE SKIP LOCKED")
            .setParameter(1, transferId)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new Part(
                    (UUID) r[0],
                    ((Number) r[1]).intValue(),
                    ((Number) r[2]).intValue(),
                    (UUID) r[3],
                    (UUID) r[4],
                    (String) r[5],
                    (String) r[6],
                    (byte[]) r[7]))
        .toList();
  }

  /** Removes the parts of a transfer (joined, or refused). */
  public void dropParts(UUID transferId) {
    em.createNativeQuery("DELETE FROM attachment_part WHERE transfer_id = ?1")
        .setParameter(1, transferId)
        .executeUpdate();
  }

  private List<Stored> select(String where, Object... parameters) {
    var query =
        em.createNativeQuery(
            "SELECT a.id, a.case_id, a.transition_id, a.kind, a.content_type, a.size, a.sha256,"
                + " a.file_name, a.object_key, a.data_key, a.unit_code, a.user_name,"
                + " a.uploaded_at, (SELECT count(*) FROM attachment_read r"
                + " WHERE r.attachment_id = a.id) FROM attachment a WHERE "
                + where);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    FieldCipher cipher = FieldCipher.instance();
    List<Stored> all = new ArrayList<>();
    for (Object each : query.getResultList()) {
      Object[] r = (Object[]) each;
      all.add(
          new Stored(
              (UUID) r[0],
              (UUID) r[1],
              r[2] == null ? null : ((Number) r[2]).longValue(),
              (String) r[3],
              (String) r[4],
              ((Number) r[5]).longValue(),
              (String) r[6],
              cipher.decrypt((String) r[7]),
              (String) r[8],
              (String) r[9],
              (String) r[10],
              (String) r[11],
              NativeValues.instant(r[12]),
              ((Number) r[13]).longValue()));
    }
    return all;
  }
}
