package cn.gov.petition.analytics.store;

import cn.gov.petition.analytics.Rate;
import cn.gov.petition.common.validation.Regions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sorts the facts of a region and period into each rate's buckets (docs/statistics.md), and lists
 * the cases behind a bucket. A fact that is in none (a step not due yet) is counted nowhere.
 */
@ApplicationScoped
public class RateRepository {

  /**
   * Where the facts of a rate are kept and how they fall into its buckets: each bucket is a
   * condition on the fact's columns, the conditions exclusive, so that the same conditions sort
   * facts into buckets for counting and find one bucket's facts for listing.
   *
   * @param table the facts' table
   * @param day the fact's day in the period (due date, day received, day listed)
   * @param region the region the fact counts for
   * @param unit the unit it counts for, or {@code NULL}
   * @param where the facts of the region ({@code :prefix}) and period ({@code :from}, {@code :to})
   * @param buckets each bucket's condition, in the rate's order
   */
  record Source(
      String table,
      String day,
      String region,
      String unit,
      String where,
      Map<String, String> buckets) {

    /**
     * A step of a unit: done on time, done late, or open past its due date; a step withdrawn from
     * its unit by an upheld objection is none of them (timely-acceptance/v2).
     */
    static Source step(String step) {
      return new Source(
          "step_fact",
          "due_on",
          "unit_region_code",
          "unit_code",
          "step = '"
              + step
              + "' AND due_on BETWEEN :from AND :to AND unit_region_code LIKE :prefix"
              + " AND outcome IS DISTINCT FROM 'WITHDRAWN'",
          ordered(
              "ON_TIME", "done_on IS NOT NULL AND on_time",
              "LATE", "done_on IS NOT NULL AND on_time IS NOT TRUE",
              "OVERDUE_OPEN", "done_on IS NULL AND due_on < :today"));
    }

    /** An evaluation window: the petitioner's answer, or none by the end of the window. */
    static final Source EVALUATION =
        new Source(
            "step_fact",
            "due_on",
            "unit_region_code",
            "unit_code",
            "step = 'EVALUATE' AND due_on BETWEEN :from AND :to AND unit_region_code LIKE :prefix",
            ordered(
                "SATISFIED", "outcome = 'SATISFIED'",
                "BASICALLY_SATISFIED", "outcome = 'BASICALLY_SATISFIED'",
                "UNSATISFIED", "outcome = 'UNSATISFIED'",
                "UNEVALUATED", "outcome IS NULL AND (done_on IS NOT NULL OR due_on < :today)"));

    /** A petition received: a first one or a repeat. */
    static final Source PETITION =
        new Source(
            "petition_fact",
            "day",
            "matter_region_code",
            "NULL",
            "day BETWEEN :from AND :to AND matter_region_code LIKE :prefix",
            ordered("REPEAT", "repeat", "FIRST", "NOT repeat"));

    /** A backlog entry on the list in the period: crossed off in it, or not. */
    static final Source BACKLOG =
        new Source(
            "backlog_fact",
            "listed_on",
            "unit_region_code",
            "NULL",
            "listed_on <= :to AND (crossed_off_on IS NULL OR crossed_off_on >= :from)"
                + " AND unit_region_code LIKE :prefix",
            ordered(
                "RESOLVED", "crossed_off_on BETWEEN :from AND :to",
                "UNRESOLVED", "(crossed_off_on IS NULL OR crossed_off_on > :to)"));

    private static Map<String, String> ordered(String... bucketsAndConditions) {
      Map<String, String> buckets = new LinkedHashMap<>();
      for (int i = 0; i < bucketsAndConditions.length; i += 2) {
        buckets.put(bucketsAndConditions[i], bucketsAndConditions[i + 1]);
      }
      return buckets;
    }

    /** Every fact of the region and period with its group columns and its bucket (or none). */
    String facts() {
      StringBuilder bucket = new StringBuilder("CASE");
      buckets.forEach(
          (name, condition) ->
              bucket.append(" WHEN ").append(condition).append(" THEN '").append(name).append("'"));
      return "SELECT case_id, case_number, %s AS region, %s AS unit, %s END AS bucket FROM %s WHERE %s"
          .formatted(region, unit, bucket, table, where);
    }

    /**
     * The facts of one bucket, in the order they fell in the period. A province's or a city's are
     * found by walking the period's index in that order until the page is full. A county's or a
     * township's subtree is a hundredth of the province or less: its facts of the period are read
     * first (the region-first index), then sorted; walking the whole province's period for a rare
     * bucket of a township took 140 ms at 10 million cases, and the planner's choice between the
     * two rests on an estimate of the region's share that a fresh ANALYZE can flip (bench/README,
     * seventh run). The fence ({@code MATERIALIZED}) keeps the choice ours.
     */
    String listed(String name, boolean smallSubtree) {
      String condition = buckets.get(name);
      if (condition == null) {
        throw new IllegalArgumentException("no bucket " + name);
      }
      if (smallSubtree) {
        return ("WITH f AS MATERIALIZED (SELECT * FROM %s WHERE %s)"
                + " SELECT case_id, case_number, %s, %s FROM f WHERE (%s)"
                + " ORDER BY %s, case_number, case_id LIMIT :limit")
            .formatted(table, where, day, unit, condition, day);
      }
      return ("SELECT case_id, case_number, %s, %s FROM %s WHERE %s AND (%s)"
              + " ORDER BY %s, case_number, case_id LIMIT :limit")
          .formatted(day, unit, table, where, condition, day);
    }
  }

  static Source source(Rate rate) {
    return switch (rate) {
      case TIMELY_ACCEPTANCE -> Source.step("ACCEPT");
      case ON_TIME_REPLY -> Source.step("HANDLE");
      case TIMELY_ASSISTANCE -> Source.step("ASSIST");
      case EVALUATION_PARTICIPATION, SATISFACTION -> Source.EVALUATION;
      case REPEAT_PETITIONS -> Source.PETITION;
      case BACKLOG_RESOLUTION -> Source.BACKLOG;
    };
  }

  private final EntityManager em;

  public RateRepository(EntityManager em) {
    this.em = em;
  }

  /** The day tallies ({@code fact_tally}) a rate is read from; null: it is read from its facts. */
  static String tallyKind(Rate rate) {
    return switch (rate) {
      case TIMELY_ACCEPTANCE -> "ACCEPT";
      case ON_TIME_REPLY -> "HANDLE";
      case TIMELY_ASSISTANCE -> "ASSIST";
      case EVALUATION_PARTICIPATION, SATISFACTION -> "EVALUATE";
      case REPEAT_PETITIONS -> "PETITION";
      case BACKLOG_RESOLUTION -> null;
    };
  }

  /**
   * The tallies of every tallied kind in the period, in the rates' buckets: an open step is overdue
   * once its due date is before today (an evaluation window, unevaluated), and not yet counted
   * before. One query for all the rates of a sheet, a drill-down or a bulletin.
   */
  private static final String TALLIES =
      "SELECT kind, key, b, sum(c) FROM (SELECT kind, region_code AS key, CASE bucket WHEN 'OPEN'"
          + " THEN CASE WHEN day < :today THEN CASE kind WHEN 'EVALUATE' THEN 'UNEVALUATED' ELSE"
          + " 'OVERDUE_OPEN' END END WHEN 'UNANSWERED' THEN 'UNEVALUATED' ELSE bucket END AS b,"
          + " count AS c FROM fact_tally WHERE kind IN ("
          + java.util.Arrays.stream(Rate.values())
              .map(RateRepository::tallyKind)
              .filter(java.util.Objects::nonNull)
              .distinct()
              .map(kind -> "'" + kind + "'")
              .collect(java.util.stream.Collectors.joining(", "))
          + ") AND day BETWEEN :from AND :to AND %s) t WHERE b IS NOT NULL"
          + " GROUP BY 1, 2, 3 HAVING sum(c) <> 0 ORDER BY 1, 2, 3";

  /** The tallies by kind, then group, then bucket. */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Map<String, Long>>> tallied(
      String filter, String region, LocalDate from, LocalDate to, LocalDate today) {
    Query query =
        em.createNativeQuery(TALLIES.formatted(filter))
            .setParameter("today", today)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("region", region);
    Map<String, Map<String, Map<String, Long>>> kinds = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      kinds
          .computeIfAbsent((String) row[0], kind -> new LinkedHashMap<>())
          .computeIfAbsent((String) row[1], group -> new LinkedHashMap<>())
          .put((String) row[2], ((Number) row[3]).longValue());
    }
    return kinds;
  }

  /** Every rate's buckets in the region: the tallied ones from one query, the others from facts. */
  public Map<Rate, Map<String, Long>> bucketsOfAll(
      String region, LocalDate from, LocalDate to, LocalDate today) {
    Map<String, Map<String, Map<String, Long>>> tallies =
        tallied("region_code = :region", region, from, to, today);
    Map<Rate, Map<String, Long>> all = new EnumMap<>(Rate.class);
    for (Rate rate : Rate.values()) {
      String kind = tallyKind(rate);
      all.put(
          rate,
          kind == null
              ? factBuckets(rate, region, from, to, today)
              : tallies.getOrDefault(kind, Map.of()).getOrDefault(region, Map.of()));
    }
    return all;
  }

  /** How many of a rate's facts fall in each bucket, counted from the facts. */
  @SuppressWarnings("unchecked")
  private Map<String, Long> factBuckets(
      Rate rate, String region, LocalDate from, LocalDate to, LocalDate today) {
    Query query =
        facts(
            "SELECT bucket, count(*) FROM ("
                + source(rate).facts()
                + ") f WHERE bucket IS NOT NULL GROUP BY bucket",
            region,
            from,
            to,
            today);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
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

  /** How many of a rate's facts fall in each bucket, by group, counted from the facts. */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Long>> factBucketsBy(
      Grouping grouping, Rate rate, String region, LocalDate from, LocalDate to, LocalDate today) {
    Query query =
        facts(
            "SELECT "
                + grouping.key()
                + ", bucket, count(*) FROM ("
                + source(rate).facts()
                + ") f WHERE bucket IS NOT NULL AND "
                + grouping.filter()
                + " GROUP BY 1, 2 ORDER BY 1, 2",
            region,
            from,
            to,
            today);
    Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
    for (Object[] row : (List<Object[]>) query.getResultList()) {
      groups
          .computeIfAbsent((String) row[0], group -> new LinkedHashMap<>())
          .put((String) row[1], ((Number) row[2]).longValue());
    }
    return groups;
  }

  /**
   * Every rate's buckets by group: for child regions the tallied rates from one query, the others
   * (and every rate of units) from their facts.
   */
  public Map<Rate, Map<String, Map<String, Long>>> bucketsByAll(
      Grouping grouping, String region, LocalDate from, LocalDate to, LocalDate today) {
    Map<String, Map<String, Map<String, Long>>> tallies =
        grouping.units()
            ? Map.of()
            : tallied(
                "length(region_code) = "
                    + grouping.childLength()
                    + " AND region_code LIKE :region || '%'",
                region,
                from,
                to,
                today);
    Map<Rate, Map<String, Map<String, Long>>> all = new EnumMap<>(Rate.class);
    for (Rate rate : Rate.values()) {
      String kind = tallyKind(rate);
      all.put(
          rate,
          kind != null && !grouping.units()
              ? tallies.getOrDefault(kind, Map.of())
              : factBucketsBy(grouping, rate, region, from, to, today));
    }
    return all;
  }

  /**
   * A fact behind a bucket: its case, the day it fell in the period (a step's due date, a
   * petition's day received, a backlog entry's day listed) and its unit, if it names one.
   */
  public record CaseRef(
      String caseId, String caseNumber, LocalDate day, String unit, boolean accusation) {}

  /** The facts behind one bucket, in the order they fell in the period, then by case number. */
  @SuppressWarnings("unchecked")
  public List<CaseRef> cases(
      Rate rate,
      String bucket,
      String region,
      LocalDate from,
      LocalDate to,
      LocalDate today,
      int limit) {
    List<Object[]> rows =
        facts(source(rate).listed(bucket, region.length() >= 6), region, from, to, today)
            .setParameter("limit", limit)
            .getResultList();
    Set<UUID> accusations =
        rows.isEmpty()
            ? Set.of()
            : Set.copyOf(
                em.createNativeQuery(
                        "SELECT case_id FROM petition_fact WHERE case_id IN (:ids)"
                            + " AND petition_class = 'ACCUSATION'",
                        UUID.class)
                    .setParameter("ids", rows.stream().map(r -> (UUID) r[0]).distinct().toList())
                    .getResultList());
    return rows.stream()
        .map(
            r ->
                new CaseRef(
                    ((UUID) r[0]).toString(),
                    (String) r[1],
                    FactRepository.date(r[2]),
                    (String) r[3],
                    accusations.contains((UUID) r[0])))
        .toList();
  }

  /** A query of the facts of a region and period, as of today. */
  private Query facts(String sql, String region, LocalDate from, LocalDate to, LocalDate today) {
    Query query = em.createNativeQuery(sql);
    query.setParameter("from", from).setParameter("to", to).setParameter("prefix", region + "%");
    if (sql.contains(":today")) {
      query.setParameter("today", today);
    }
    return query;
  }
}
