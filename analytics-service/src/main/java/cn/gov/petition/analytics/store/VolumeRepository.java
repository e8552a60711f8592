package cn.gov.petition.analytics.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;

/**
 * The daily volume read model. Counting is an upsert, so it needs no entity; the inbox makes sure
 * each event is counted once.
 */
@ApplicationScoped
public class VolumeRepository {

  private final EntityManager entityManager;

  public VolumeRepository(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public void count(LocalDate day, String regionCode, String channel, int persons) {
    entityManager
        .createNativeQuery(
            "INSERT INTO daily_volume (day, region_code, channel, cases, persons) "
                + "VALUES (:day, :region, :channel, 1, :persons) "
                + "ON CONFLICT (day, region_code, channel) DO UPDATE SET "
                + "cases = daily_volume.cases + 1, persons = daily_volume.persons + EXCLUDED.persons")
        .setParameter("day", day)
        .setParameter("region", regionCode)
        .setParameter("channel", channel)
        .setParameter("persons", persons)
        .executeUpdate();
  }

  /** Cases and persons in the subtree between two days, inclusive. */
  public long[] total(String regionPrefix, LocalDate from, LocalDate to) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "SELECT COALESCE(SUM(cases), 0), COALESCE(SUM(persons), 0) FROM daily_volume "
                        + "WHERE region_code LIKE :prefix AND day BETWEEN :from AND :to")
                .setParameter("prefix", regionPrefix + "%")
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
  }
}
