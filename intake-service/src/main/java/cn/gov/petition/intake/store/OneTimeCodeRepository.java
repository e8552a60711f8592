package cn.gov.petition.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 短信验证码 ({@code one_time_code}, V24): the codes issued for a purpose and a subject, each kept as
 * its keyed digest only, with its wrong tries and the moment it was used.
 */
@ApplicationScoped
public class OneTimeCodeRepository {

  /** A code that may still be used: its id, the digest to compare with, its wrong tries. */
  public record Open(long id, String codeDigest, int wrongTries) {}

  private final EntityManager em;

  public OneTimeCodeRepository(EntityManager em) {
    this.em = em;
  }

  /** When each code for the subject was issued since {@code since}, oldest first. */
  public List<Instant> issuedSince(String purpose, String subject, Instant since) {
    List<Instant> issued = new ArrayList<>();
    for (Object at :
        em.createNativeQuery(
                "SELECT issued_at FROM one_time_code WHERE purpose = ?1 AND subject = ?2"
                    + " AND issued_at > ?3 ORDER BY issued_at")
            .setParameter(1, purpose)
            .setParameter(2, subject)
            .setParameter(3, since)
            .getResultList()) {
      issued.add(NativeValues.instant(at));
    }
    return issued;
  }

  /** Issues a code (its digest), ending every earlier one of the subject that was not used. */
  public void issue(
      String purpose, String subject, String codeDigest, Instant at, Instant expiresAt) {
    em.createNativeQuery(
            "UPDATE one_time_code SET expires_at = ?3 WHERE purpose = ?1 AND subject = ?2"
                + " AND used_at IS NULL AND expires_at > ?3")
        .setParameter(1, purpose)
        .setParameter(2, subject)
        .setParameter(3, at)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO one_time_code (purpose, subject, code_digest, issued_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, purpose)
        .setParameter(2, subject)
        .setParameter(3, codeDigest)
        .setParameter(4, at)
        .setParameter(5, expiresAt)
        .executeUpdate();
  }

  /**
   * The subject's latest code if it is unused, unexpired and has fewer than {@code most} wrong
   * tries.
   */
  public Optional<Open> open(String purpose, String subject, Instant now, int most) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, code_digest, wrong_tries FROM one_time_code WHERE purpose = ?1"
                    + " AND subject = ?2 AND used_at IS NULL AND expires_at > ?3"
                    + " AND wrong_tries < ?4 ORDER BY issued_at DESC LIMIT 1")
            .setParameter(1, purpose)
            .setParameter(2, subject)
            .setParameter(3, now)
            .setParameter(4, most)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new Open(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue()));
  }

  /** Counts a wrong try of the code; its wrong tries now. */
  public int wrong(long id) {
    return ((Number)
            em.createNativeQuery(
                    "UPDATE one_time_code SET wrong_tries = wrong_tries + 1 WHERE id = ?1"
                        + " RETURNING wrong_tries")
                .setParameter(1, id)
                .getSingleResult())
        .intValue();
  }

  /** Marks the code used; false if it was used already (by a request at the same time). */
  public boolean use(long id, Instant at) {
    return em.createNativeQuery(
                "UPDATE one_time_code SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL")
            .setParameter(1, id)
            .setParameter(2, at)
            .executeUpdate()
        == 1;
  }
}
