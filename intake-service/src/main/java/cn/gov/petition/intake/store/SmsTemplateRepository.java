package cn.gov.petition.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The offices' own wordings of the SMS notices ({@code sms_template}, V22). */
@ApplicationScoped
public class SmsTemplateRepository {

  /** An office's wording of one notice, and who changed it last. */
  public record Stored(String wording, String changedBy, Instant changedAt) {}

  private final EntityManager em;

  public SmsTemplateRepository(EntityManager em) {
    this.em = em;
  }

  /** The office's own wordings by notice name. */
  public Map<String, Stored> of(String office) {
    Map<String, Stored> stored = new LinkedHashMap<>();
    for (Object each :
        em.createNativeQuery(
                "SELECT notice, wording, changed_by, changed_at FROM sms_template"
                    + " WHERE office = ?1 ORDER BY notice")
            .setParameter(1, office)
            .getResultList()) {
      Object[] r = (Object[]) each;
      stored.put(
          (String) r[0], new Stored((String) r[1], (String) r[2], NativeValues.instant(r[3])));
    }
    return stored;
  }

  /** Stores the office's wording of the notice, in place of any before. */
  public void put(String office, String notice, String wording, String user, Instant now) {
    em.createNativeQuery(
            "INSERT INTO sms_template (office, notice, wording, changed_by, changed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (office, notice) DO UPDATE SET"
                + " wording = EXCLUDED.wording, changed_by = EXCLUDED.changed_by,"
                + " changed_at = EXCLUDED.changed_at")
        .setParameter(1, office)
        .setParameter(2, notice)
        .setParameter(3, wording)
        .setParameter(4, user)
        .setParameter(5, now)
        .executeUpdate();
  }

  /** Removes the office's wording of the notice; whether it had one. */
  public boolean remove(String office, String notice) {
    return em.createNativeQuery("DELETE FROM sms_template WHERE office = ?1 AND notice = ?2")
            .setParameter(1, office)
            .setParameter(2, notice)
            .executeUpdate()
        > 0;
  }
}
