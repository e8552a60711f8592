package cn.gov.petition.intake.store;

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

  /** The case's attachments, oldest first, each with how often it was read. */
  public List<Stored> ofCase(UUID caseId) {
    return select("a.case_id = ?1 ORDER BY a.uploaded_at, a.id", caseId);
  }

  /** The attachment of the case, if it has one with this id. */
  public Optional<Stored> find(UUID caseId, UUID id) {
    List<Stored> found = select("a.case_id = ?1 AND a.id = ?2", caseId, id);
    return found.stream().findFirst();
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
