package cn.gov.petition.analytics.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;

/**
 * What the early-warning rules look at (WarningWatch): the facts of a node's subtree grouped as
 * each rule needs them, one row per candidate. Accusations (检举控告) are counted but their case
 * numbers never listed: an accused unit's leader may read warnings (Art 30(3)).
 */
@ApplicationScoped
public class WarningEvidenceRepository {

  /** The petitions a warning may name by case number: all but accusations. */
  private static final String NAMED = "petition_class IS DISTINCT FROM 'ACCUSATION'";

  private final EntityManager em;

  public WarningEvidenceRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * 某类激增: per region (its first {@code digits} digits) and category, the petitions since {@code
   * recent}, those before it since {@code from}, and the recent ones' case numbers (comma-joined),
   * where at least {@code min} are recent.
   */
  @SuppressWarnings("unchecked")
  public List<Object[]> categoryCounts(
      String node, int digits, LocalDate recent, LocalDate from, LocalDate today, int min) {
    return em.createNativeQuery(
            "SELECT left(matter_region_code, :digits), category,"
                + " count(*) FILTER (WHERE day >= :recent),"
                + " count(*) FILTER (WHERE day < :recent),"
                + " string_agg(case_number, ',' ORDER BY day DESC, case_number)"
                + "  FILTER (WHERE day >= :recent AND "
                + NAMED
                + ")"
                + " FROM petition_fact WHERE matter_region_code LIKE :prefix"
                + " AND length(matter_region_code) >= :digits AND category IS NOT NULL"
                + " AND day BETWEEN :from AND :today GROUP BY 1, 2"
                + " HAVING count(*) FILTER (WHERE day >= :recent) >= :min ORDER BY 1, 2")
        .setParameter("digits", digits)
        .setParameter("recent", recent)
        .setParameter("from", from)
        .setParameter("today", today)
        .setParameter("prefix", node + "%")
        .setParameter("min", min)
        .getResultList();
  }

  /**
   * 重复信访: per chain of petitions with at least {@code min} in the days: how many, the region of the
   * latest, the case numbers (comma-joined, in order) and how many cases.
   */
  @SuppressWarnings("unchecked")
  public List<Object[]> chains(String node, LocalDate from, LocalDate today, int min) {
    return em.createNativeQuery(
            "SELECT chain_id, count(*), (array_agg(matter_region_code ORDER BY day DESC, id"
                + " DESC))[1], string_agg(case_number, ',' ORDER BY day, id)"
                + "  FILTER (WHERE "
                + NAMED
                + "), count(DISTINCT case_id)"
                + " FROM petition_fact WHERE matter_region_code LIKE :prefix"
                + " AND day BETWEEN :from AND :today GROUP BY chain_id"
                + " HAVING count(*) >= :min ORDER BY 1")
        .setParameter("prefix", node + "%")
        .setParameter("from", from)
        .setParameter("today", today)
        .setParameter("min", min)
        .getResultList();
  }

  /**
   * 逐级上行: per chain registered at more than one level in the days: the levels' digit counts and the
   * case numbers (comma-joined, in order), and the region of the latest.
   */
  @SuppressWarnings("unchecked")
  public List<Object[]> climbingChains(String node, LocalDate from, LocalDate today) {
    return em.createNativeQuery(
            "SELECT chain_id, string_agg(CAST(length(registering_region) AS text), ','"
                + " ORDER BY day, id), string_agg(case_number, ',' ORDER BY day, id)"
                + "  FILTER (WHERE "
                + NAMED
                + "),"
                + " (array_agg(matter_region_code ORDER BY day DESC, id DESC))[1]"
                + " FROM petition_fact WHERE registering_region IS NOT NULL"
                + " AND matter_region_code LIKE :prefix AND day BETWEEN :from AND :today"
                + " GROUP BY chain_id HAVING count(DISTINCT length(registering_region)) > 1"
                + " ORDER BY 1")
        .setParameter("prefix", node + "%")
        .setParameter("from", from)
        .setParameter("today", today)
        .getResultList();
  }

  /**
   * 集体访苗头: per region (first {@code digits} digits) and category, the distinct chains, the persons
   * and the case numbers of the days, where at least {@code min} chains.
   */
  @SuppressWarnings("unchecked")
  public List<Object[]> collectiveSigns(
      String node, int digits, LocalDate from, LocalDate today, int min) {
    return em.createNativeQuery(
            "SELECT left(matter_region_code, :digits), category, count(DISTINCT chain_id),"
                + " coalesce(sum(person_count), 0), string_agg(case_number, ',' ORDER BY day,"
                + " case_number) FILTER (WHERE "
                + NAMED
                + ") FROM petition_fact WHERE registering_region IS NOT NULL"
                + " AND matter_region_code LIKE :prefix AND length(matter_region_code) >= :digits"
                + " AND category IS NOT NULL AND day BETWEEN :from AND :today GROUP BY 1, 2"
                + " HAVING count(DISTINCT chain_id) >= :min ORDER BY 1, 2")
        .setParameter("digits", digits)
        .setParameter("prefix", node + "%")
        .setParameter("from", from)
        .setParameter("today", today)
        .setParameter("min", min)
        .getResultList();
  }

  /**
   * 临期未办: per unit, its acceptance and handling steps due between today and {@code until} that
   * started on or before {@code idleSince}: the unit's region, how many, the soonest due date and
   * the case numbers.
   */
  @SuppressWarnings("unchecked")
  public List<Object[]> idleSteps(
      String node, LocalDate today, LocalDate until, LocalDate idleSince) {
    return em.createNativeQuery(
            "SELECT unit_code, min(unit_region_code), count(*), min(due_on),"
                + " string_agg(case_number, ',' ORDER BY due_on, case_number)"
                + "  FILTER (WHERE NOT EXISTS (SELECT 1 FROM petition_fact p"
                + "  WHERE p.case_id = step_fact.case_id AND p.petition_class = 'ACCUSATION'))"
                + " FROM step_fact WHERE done_on IS NULL AND step IN ('ACCEPT', 'HANDLE')"
                + " AND due_on BETWEEN :today AND :until AND unit_region_code LIKE :prefix"
                + " AND started_on <= :idleSince GROUP BY unit_code ORDER BY 1")
        .setParameter("today", today)
        .setParameter("until", until)
        .setParameter("prefix", node + "%")
        .setParameter("idleSince", idleSince)
        .getResultList();
  }
}
