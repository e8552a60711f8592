package cn.gov.petition.analytics.rates;

import cn.gov.petition.common.validation.Regions;
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

  /** The day tallies ({@code fact_tally}) a rate is read from; null: it is read from its facts. */
  static String tallyKind(Rate rate) {
    return switch (rate) {
      case TIMELY_ACCEPTANCE -> "ACCEPT";
      case ON_TIME_REPLY -> "HANDLE";
      case EVALUATION_PARTICIPATION, SATISFACTION -> "EVALUATE";
      case REPEAT_PETITIONS -> "PETITION";
      case BACKLOG_RESOLUTION -> null;
    };
  }

  /**
   * The tallies of one kind in the period, in the rate's buckets: an open step is overdue once its
   * due date is before today (an evaluation window, unevaluated), and not yet counted before.
   */
  private static final String TALLIES =
      "SELECT key, b, sum(c) FROM (SELECT region_code AS key, CASE bucket WHEN 'OPEN' THEN CASE WHEN day"
          + " < :today THEN :overdue END WHEN 'UNANSWERED' THEN 'UNEVALUATED' ELSE bucket END"
          + " AS b, count AS c FROM fact_tally WHERE kind = :kind AND day BETWEEN :from AND :to"
          + " AND %s) t WHERE b IS NOT NULL GROUP BY 1, 2 HAVING sum(c) <> 0 ORDER BY 1, 2";

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Long>> tallied(
      String kind, String filter, String region, LocalDate from, LocalDate to, LocalDate today) {
    Query query =
        em.createNativeQuery(TALLIES.formatted(filter))
            .setParameter("today", today)
            .setParameter("overdue", "EVALUATE".equals(kind) ? "UNEVALUATED" : "OVERDUE_OPEN")
            .setParameter("kind", kind)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("region", region);
    Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      groups
          .computeIfAbsent((String) row[0], group -> new LinkedHashMap<>())
          .put((String) row[1], ((Number) row[2]).longValue());
    }
    return groups;
  }

  /** How many facts fall in each bucket: from the day tallies where the rate has them. */
  @SuppressWarnings("unchecked")
  public Map<String, Long> buckets(
      Rate rate, String region, LocalDate from, LocalDate to, LocalDate today) {
    String kind = tallyKind(rate);
    if (kind != null) {
      return tallied(kind, "region_code = :region", region, from, to, today)
          .getOrDefault(region, Map.of());
    }
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
   * @param childLength for child regions, the length of their codes; 0 for units
   */
  public record Grouping(String key, String filter, int childLength) {

    /** The child regions, of codes {@code length} digits long (4, 6 or 9). */
    public static Grouping childRegions(int length) {
      if (length == 0) {
        throw new IllegalArgumentException("a township has no child regions");
      }
      return new Grouping("left(region, " + length + ")", "length(region) >= " + length, length);
    }

    /** Whether the groups are units (else child regions). */
    public boolean units() {
      return childLength == 0;
    }

    /** Every unit of the region's subtree. */
    public static Grouping allUnits() {
      return new Grouping("unit", "unit IS NOT NULL", 0);
    }

    /** The units of the region itself, not of its children. */
    public static Grouping ownUnits(String region) {
      if (!region.matches(Regions.PATTERN)) { // inlined below: digits only
        throw new IllegalArgumentException("not a region code: " + region);
      }
      return new Grouping("unit", "unit IS NOT NULL AND region = '" + region + "'", 0);
    }
  }

  /**
   * How many facts fall in each bucket, by group: child regions from the day tallies where the rate
   * has them, units from the facts.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Long>> bucketsBy(
      Grouping grouping, Rate rate, String region, LocalDate from, LocalDate to, LocalDate today) {
    String kind = tallyKind(rate);
    if (kind != null && !grouping.units()) {
      return tallied(
          kind,
          "length(region_code) = "
              + grouping.childLength()
              + " AND region_code LIKE :region || '%'",
          region,
          from,
          to,
          today);
    }
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
