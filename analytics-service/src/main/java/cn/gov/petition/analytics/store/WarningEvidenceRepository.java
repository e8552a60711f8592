package cn.gov.petition.analytics.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the early-warning rules look at (WarningWatch): the facts of a node's subtree grouped as
 * each rule needs them, one row per candidate. Accusations (检举控告) are counted but their case
 * numbers never listed: an accused unit's leader may read warnings (Art 30(3)).
 */
@ApplicationScoped
public class WarningEvidenceRepository {

  /** The petitions a warning may name by case number: all but accusations. */
  private static final String NAMED = "petition_class IS DISTINCT FROM 'ACCUSATION'";

  /** 某类激增: a region's category, its recent petitions, those of the baseline, the recent cases. */
  public record CategoryCount(
      String region, String category, long recent, long before, List<String> cases) {}

  /** 重复信访: a chain, its petitions in the days, the latest's region, its cases in order. */
  public record Chain(
      UUID chainId, long petitions, String latestRegion, List<String> cases, long caseCount) {}

  /** 逐级上行: a chain, the digit count of each registration's level in order, its cases. */
  public record ClimbingChain(
      UUID chainId, List<Integer> levels, List<String> cases, String latestRegion) {}

  /** 集体访苗头: a region's category, its distinct matters and persons, the cases. */
  public record CollectiveSign(
      String region, String category, long matters, long persons, List<String> cases) {}

  /** 临期未办: a unit, its region, its idle steps falling due and their cases. */
  public record IdleSteps(String unit, String region, long steps, List<String> cases) {}

  private final EntityManager em;

  public WarningEvidenceRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * 某类激增: per region (its first {@code digits} digits) and category, the petitions since {@code
   * recent}, those before it since {@code from}, and the recent ones' case numbers (comma-joined),
   * where at least {@code min} are recent.
   */
  public List<CategoryCount> categoryCounts(
      String node, int digits, LocalDate recent, LocalDate from, LocalDate today, int min) {
    return rows(
        em.createNativeQuery(
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
            .setParameter("min", min),
        r -> new CategoryCount(text(r[0]), text(r[1]), count(r[2]), count(r[3]), cases(r[4])));
  }

  /**
   * 重复信访: per chain of petitions with at least {@code min} in the days: how many, the region of the
   * latest, the case numbers (comma-joined, in order) and how many cases.
   */
  public List<Chain> chains(String node, LocalDate from, LocalDate today, int min) {
    return rows(
        em.createNativeQuery(
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
            .setParameter("min", min),
        r -> new Chain((UUID) r[0], count(r[1]), text(r[2]), cases(r[3]), count(r[4])));
  }

  /**
   * 逐级上行: per chain registered at more than one level in the days: the levels' digit counts and the
   * case numbers (comma-joined, in order), and the region of the latest.
   */
  public List<ClimbingChain> climbingChains(String node, LocalDate from, LocalDate today) {
    return rows(
        em.createNativeQuery(
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
            .setParameter("today", today),
        r ->
            new ClimbingChain(
                (UUID) r[0],
                Arrays.stream(text(r[1]).split(",")).map(Integer::valueOf).toList(),
                cases(r[2]),
                text(r[3])));
  }

  /**
   * 集体访苗头: per region (first {@code digits} digits) and category, the distinct chains, the persons
   * and the case numbers of the days, where at least {@code min} chains.
   */
  public List<CollectiveSign> collectiveSigns(
      String node, int digits, LocalDate from, LocalDate today, int min) {
    return rows(
        em.createNativeQuery(
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
            .setParameter("min", min),
        r -> new CollectiveSign(text(r[0]), text(r[1]), count(r[2]), count(r[3]), cases(r[4])));
  }

  /**
   * 临期未办: per unit, its acceptance and handling steps due between today and {@code until} that
   * started on or before {@code idleSince}: the unit's region, how many, the soonest due date and
   * the case numbers.
   */
  public List<IdleSteps> idleSteps(
      String node, LocalDate today, LocalDate until, LocalDate idleSince) {
    return rows(
        em.createNativeQuery(
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
            .setParameter("idleSince", idleSince),
        r -> new IdleSteps(text(r[0]), text(r[1]), count(r[2]), cases(r[4])));
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> rows(jakarta.persistence.Query query, Function<Object[], T> row) {
    return ((List<Object[]>) query.getResultList()).stream().map(row).toList();
  }

  private static String text(Object value) {
    return (String) value;
  }

  private static long count(Object value) {
    return ((Number) value).longValue();
  }

  /** Case numbers joined with commas by the query, in its order; none when null. */
  private static List<String> cases(Object joined) {
    return joined == null ? List.of() : Arrays.asList(((String) joined).split(","));
  }
}
