package cn.gov.petition.analytics.rates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sorts the facts of a region and period into each rate's buckets (docs/statistics.md), and lists
 * the cases behind a bucket. A fact that is in none (a step not due yet) is counted nowhere.
 */
@ApplicationScoped
public class RateRepository {

  /** A step of a unit: done on time, done late, or open past its due date. */
  private static final String STEP_FACTS =
      "SELECT case_id, case_number, unit_region_code AS region, unit_code AS unit,"
          + " CASE WHEN done_on IS NOT NULL AND on_time THEN 'ON_TIME'"
          + " WHEN done_on IS NOT NULL THEN 'LATE' WHEN due_on < :today THEN 'OVERDUE_OPEN' END"
          + " AS bucket FROM step_fact WHERE step = '%s' AND due_on BETWEEN :from AND :to"
          + " AND unit_region_code LIKE :prefix";

  /** An evaluation window: the petitioner's answer, or none by the end of the window. */
  private static final String EVALUATION_FACTS =
      "SELECT case_id, case_number, unit_region_code AS region, unit_code AS unit,"
          + " CASE WHEN outcome IS NOT NULL THEN outcome"
          + " WHEN done_on IS NOT NULL OR due_on < :today THEN 'UNEVALUATED' END AS bucket"
          + " FROM step_fact WHERE step = 'EVALUATE' AND due_on BETWEEN :from AND :to"
          + " AND unit_region_code LIKE :prefix";

  /** A petition received: a first one or a repeat. */
  private static final String PETITION_FACTS =
      "SELECT case_id, case_number, matter_region_code AS region, NULL AS unit,"
          + " CASE WHEN repeat THEN 'REPEAT' ELSE 'FIRST' END AS bucket"
          + " FROM petition_fact WHERE day BETWEEN :from AND :to"
          + " AND matter_region_code LIKE :prefix";

  /** A backlog entry on the list in the period: crossed off in it, or not. */
  private static final String BACKLOG_FACTS =
      "SELECT case_id, case_number, unit_region_code AS region, NULL AS unit,"
          + " CASE WHEN crossed_off_on BETWEEN :from AND :to THEN 'RESOLVED' ELSE 'UNRESOLVED' END"
          + " AS bucket FROM backlog_fact WHERE listed_on <= :to"
          + " AND (crossed_off_on IS NULL OR crossed_off_on >= :from)"
          + " AND unit_region_code LIKE :prefix";

  private final EntityManager em;

  public RateRepository(EntityManager em) {
    this.em = em;
  }

  static String facts(Rate rate) {
    return switch (rate) {
      case TIMELY_ACCEPTANCE -> STEP_FACTS.formatted("ACCEPT");
      case ON_TIME_REPLY -> STEP_FACTS.formatted("HANDLE");
      case EVALUATION_PARTICIPATION, SATISFACTION -> EVALUATION_FACTS;
      case REPEAT_PETITIONS -> PETITION_FACTS;
      case BACKLOG_RESOLUTION -> BACKLOG_FACTS;
    };
  }

  /** How many facts fall in each bucket. */
  @SuppressWarnings("unchecked")
  public Map<String, Long> buckets(
      Rate rate, String region, LocalDate from, LocalDate to, LocalDate today) {
    Query query =
        em.createNativeQuery(
            "SELECT bucket, count(*) FROM ("
                + facts(rate)
                + ") f"
                + " WHERE bucket IS NOT NULL GROUP BY bucket");
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object[] row :
        (List<Object[]>) bind(query, rate, region, from, to, today).getResultList()) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }

  /**
   * How the facts of a region are grouped: by child region, or by the units at the region's own
   * level (a petition names no unit, so petition facts fall in no unit's group).
   *
   * @param key the SQL expression of the group's code
   * @param filter the SQL condition a fact meets to fall in a group
   * @param units whether the groups are units (else regions)
   */
  public record Grouping(String key, String filter, boolean units) {

    /** The child regions, of codes {@code length} digits long. */
    public static Grouping childRegions(int length) {
      return new Grouping("left(region, " + length + ")", "length(region) >= " + length, false);
    }

    /** Every unit of the region's subtree. */
    public static Grouping allUnits() {
      return new Grouping("unit", "unit IS NOT NULL", true);
    }

    /** The units of the region itself, not of its children. */
    public static Grouping ownUnits(String region) {
      return new Grouping("unit", "unit IS NOT NULL AND length(region) = " + region.length(), true);
    }
  }

  /** How many facts fall in each bucket, by group. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Long>> bucketsBy(
      Grouping grouping, Rate rate, String region, LocalDate from, LocalDate to, LocalDate today) {
    Query query =
        em.createNativeQuery(
            "SELECT "
                + grouping.key()
                + ", bucket, count(*) FROM ("
                + facts(rate)
                + ") f WHERE bucket IS NOT NULL AND "
                + grouping.filter()
                + " GROUP BY 1, 2 ORDER BY 1, 2");
    Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
    for (Object[] row :
        (List<Object[]>) bind(query, rate, region, from, to, today).getResultList()) {
      groups
          .computeIfAbsent((String) row[0], group -> new LinkedHashMap<>())
          .put((String) row[1], ((Number) row[2]).longValue());
    }
    return groups;
  }

  /** The cases behind one bucket, by case number. */
  public record CaseRef(String caseId, String caseNumber) {}

  @SuppressWarnings("unchecked")
  public List<CaseRef> cases(
      Rate rate,
      String bucket,
      String region,
      LocalDate from,
      LocalDate to,
      LocalDate today,
      int limit) {
    Query query =
        em.createNativeQuery(
            "SELECT DISTINCT case_id, case_number FROM ("
                + facts(rate)
                + ") f"
                + " WHERE bucket = :bucket ORDER BY case_number, case_id LIMIT :limit");
    query.setParameter("bucket", bucket).setParameter("limit", limit);
    List<Object[]> rows = bind(query, rate, region, from, to, today).getResultList();
    return rows.stream().map(r -> new CaseRef(((UUID) r[0]).toString(), (String) r[1])).toList();
  }

  private static Query bind(
      Query query, Rate rate, String region, LocalDate from, LocalDate to, LocalDate today) {
    query.setParameter("from", from).setParameter("to", to).setParameter("prefix", region + "%");
    if (facts(rate).contains(":today")) {
      query.setParameter("today", today);
    }
    return query;
  }
}
