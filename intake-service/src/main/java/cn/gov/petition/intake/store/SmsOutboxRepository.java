package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 短信发件箱 ({@code sms_outbox}, {@code sms_receipt}, V23): the SMS notices to send, sent and answered,
 * with the phone and the text sealed ({@link FieldCipher}).
 */
@ApplicationScoped
public class SmsOutboxRepository {

  /** A message to send now, opened. */
  public record Due(long id, String phone, String phoneDigest, String text, int attempts) {}

  /** A message as the case shows it: the phone for the caller to mask, never the text. */
  public record Told(
      long id,
      String notice,
      String phone,
      String status,
      int parts,
      int attempts,
      Instant queuedAt,
      Instant sentAt,
      Instant doneAt,
      Instant nextAt) {}

  private final EntityManager em;

  public SmsOutboxRepository(EntityManager em) {
    this.em = em;
  }

  /** Queues a message, to be sent from {@code at}. */
  public void queue(
      UUID caseId,
      String notice,
      String phone,
      String phoneDigest,
      String text,
      int parts,
      Instant at) {
    FieldCipher cipher = FieldCipher.instance();
    // a code to a phone that is no case's yet has no case: no typed null is bound for it
    var insert =
        em.createNativeQuery(
                "INSERT INTO sms_outbox (notice, phone, phone_digest, text, parts, status, next_at,"
                    + " queued_at, case_id) VALUES (?1, ?2, ?3, ?4, ?5, 'QUEUED', ?6, ?6, "
                    + (caseId == null ? "NULL" : "?7")
                    + ")")
            .setParameter(1, notice)
            .setParameter(2, cipher.encrypt(phone))
            .setParameter(3, phoneDigest)
            .setParameter(4, cipher.encrypt(text))
            .setParameter(5, parts)
            .setParameter(6, at);
    if (caseId != null) {
      insert.setParameter(7, caseId);
    }
    insert.executeUpdate();
  }

  /**
   * The messages due by {@code now}, oldest first, locked for the caller's transaction (another
   * sender skips them).
   */
  public List<Due> due(Instant now, int most) {
    FieldCipher cipher = FieldCipher.instance();
    List<Due> due = new ArrayList<>();
    for (Object each :
        em.createNativeQuery(
                "SELECT id, phone, phone_digest, text, attempts FROM sms_outbox"
                    + " WHERE status = 'QUEUED' AND next_at <= ?1 ORDER BY next_at, id LIMIT ?2"
                    + " FOR UPDATE SKIP LOCKED")
            .setParameter(1, now)
            .setParameter(2, most)
            .getResultList()) {
      Object[] r = (Object[]) each;
      due.add(
          new Due(
              ((Number) r[0]).longValue(),
              cipher.decrypt((String) r[1]),
              (String) r[2],
              cipher.decrypt((String) r[3]),
              ((Number) r[4]).intValue()));
    }
    return due;
  }

  /** How many messages went to the phone since {@code since}, and the first of them. */
  public record Sent(long count, Instant first) {}

  public Sent sentTo(String phoneDigest, Instant since) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), min(sent_at) FROM sms_outbox"
                        + " WHERE phone_digest = ?1 AND sent_at > ?2")
                .setParameter(1, phoneDigest)
                .setParameter(2, since)
                .getSingleResult();
    return new Sent(((Number) r[0]).longValue(), NativeValues.instant(r[1]));
  }

  /** The center took every part: their ids, for the receipts. */
  public void sent(long id, List<String> messageIds, Instant at) {
    em.createNativeQuery(
            "UPDATE sms_outbox SET status = 'SENT', message_ids = CAST(?2 AS text[]),"
                + " attempts = attempts + 1, sent_at = ?3, last_error = NULL WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, messageIds.toArray(String[]::new))
        .setParameter(3, at)
        .executeUpdate();
  }

  /** Not sent now: tried again from {@code next}; {@code counted}: an attempt that failed. */
  public void retry(long id, String error, Instant next, boolean counted) {
    em.createNativeQuery(
            "UPDATE sms_outbox SET attempts = attempts + ?4, last_error = ?2, next_at = ?3"
                + " WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, error)
        .setParameter(3, next)
        .setParameter(4, counted ? 1 : 0)
        .executeUpdate();
  }

  /** Given up: refused for good, or tried too often. */
  public void failed(long id, String error, Instant at) {
    em.createNativeQuery(
            "UPDATE sms_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?2,"
                + " done_at = ?3 WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, error)
        .setParameter(3, at)
        .executeUpdate();
  }

  /** Keeps a delivery receipt, to be applied to its message ({@link #applyReceipts}). */
  public void receipt(String messageId, boolean delivered, Instant at) {
    em.createNativeQuery(
            "INSERT INTO sms_receipt (message_id, delivered, received_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (message_id) DO NOTHING")
        .setParameter(1, messageId)
        .setParameter(2, delivered)
        .setParameter(3, at)
        .executeUpdate();
  }

  /**
   * Applies the receipts kept to the messages they answer: a part delivered counts, every part
   * delivered is DELIVERED, one part not is UNDELIVERED. A receipt whose message is not known yet
   * waits (its message's sending may not have committed).
   *
   * @return how many receipts were applied
   */
  public int applyReceipts(Instant at) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT r.message_id, r.delivered, o.id FROM sms_receipt r"
                    + " JOIN sms_outbox o ON o.message_ids @> ARRAY[r.message_id]"
                    + " ORDER BY r.received_at FOR UPDATE OF r SKIP LOCKED")
            .getResultList();
    for (Object[] r : rows) {
      long id = ((Number) r[2]).longValue();
      if ((Boolean) r[1]) {
        em.createNativeQuery(
                "UPDATE sms_outbox SET delivered_parts = delivered_parts + 1,"
                    + " status = CASE WHEN status = 'SENT' AND delivered_parts + 1 >= parts"
                    + " THEN 'DELIVERED' ELSE status END,"
                    + " done_at = CASE WHEN status = 'SENT' AND delivered_parts + 1 >= parts"
                    + " THEN CAST(?2 AS timestamptz) ELSE done_at END WHERE id = ?1")
            .setParameter(1, id)
            .setParameter(2, at)
            .executeUpdate();
      } else {
        em.createNativeQuery(
                "UPDATE sms_outbox SET status = 'UNDELIVERED', done_at = ?2"
                    + " WHERE id = ?1 AND status IN ('SENT', 'DELIVERED')")
            .setParameter(1, id)
            .setParameter(2, at)
            .executeUpdate();
      }
      em.createNativeQuery("DELETE FROM sms_receipt WHERE message_id = ?1")
          .setParameter(1, r[0])
          .executeUpdate();
    }
    return rows.size();
  }

  /** Removes the case's messages (phone and text), as the retention job does; how many. */
  public int dropOfCase(UUID caseId) {
    return em.createNativeQuery("DELETE FROM sms_outbox WHERE case_id = ?1")
        .setParameter(1, caseId)
        .executeUpdate();
  }

  /** The case's messages, oldest first. */
  public List<Told> of(UUID caseId) {
    FieldCipher cipher = FieldCipher.instance();
    List<Told> told = new ArrayList<>();
    for (Object each :
        em.createNativeQuery(
                "SELECT id, notice, phone, status, parts, attempts, queued_at, sent_at, done_at,"
                    + " CASE WHEN status = 'QUEUED' THEN next_at END FROM sms_outbox WHERE case_id = ?1 ORDER BY queued_at, id")
            .setParameter(1, caseId)
            .getResultList()) {
      Object[] r = (Object[]) each;
      told.add(
          new Told(
              ((Number) r[0]).longValue(),
              (String) r[1],
              cipher.decrypt((String) r[2]),
              (String) r[3],
              ((Number) r[4]).intValue(),
              ((Number) r[5]).intValue(),
              NativeValues.instant(r[6]),
              NativeValues.instant(r[7]),
              NativeValues.instant(r[8]),
              NativeValues.instant(r[9])));
    }
    return told;
  }
}
