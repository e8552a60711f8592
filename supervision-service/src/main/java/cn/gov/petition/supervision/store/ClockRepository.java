package cn.gov.petition.supervision.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClockRepository implements PanacheRepository<ClockEntity> {

  /** The deadline watch's query (measured as it is by bench/run deadlines). */
  public static final String DUE_FOR_CHECK =
      "SELECT * FROM statutory_clock WHERE next_check_on <= :today"
          + " ORDER BY next_check_on, id LIMIT :limit FOR UPDATE SKIP LOCKED";

  public Optional<ClockEntity> open(UUID caseId, String step) {
    return find("caseId = ?1 and step = ?2 and status = 'OPEN'", caseId, step)
        .firstResultOptional();
  }

  /**
   * Clocks whose next check has come, soonest first, locked so that another replica's watch takes
   * other rows instead of marking the same ones.
   */
  @SuppressWarnings("unchecked")
  public List<ClockEntity> lockDueForCheck(LocalDate today, int limit) {
    return getEntityManager()
        .createNativeQuery(DUE_FOR_CHECK, ClockEntity.class)
        .setParameter("today", today)
        .setParameter("limit", limit)
        .getResultList();
  }

  /** Counts of open unit steps (not petitioners' windows) under one code. */
  public record Tally(String code, long open, long warned, long overdue) {}

  private static final String COUNTS =
      "count(*), count(*) FILTER (WHERE stage = 'WARNED'), count(*) FILTER (WHERE stage = 'OVERDUE')"
          + " FROM statutory_clock WHERE status = 'OPEN' AND NOT petitioner_window";

  /** The whole subtree of a region. */
  public Tally tallySubtree(String region) {
    Object[] row =
        (Object[])
            getEntityManager()
                .createNativeQuery("SELECT " + COUNTS + " AND unit_region_code LIKE :prefix")
                .setParameter("prefix", region + "%")
                .getSingleResult();
    return new Tally(region, number(row[0]), number(row[1]), number(row[2]));
  }

  /** The region's own units (at the region itself, not below), by unit. */
  public List<Tally> tallyOwnUnits(String region) {
    return tallies(
        "SELECT unit_code, "
            + COUNTS
            + " AND unit_region_code = :region GROUP BY unit_code ORDER BY unit_code",
        region);
  }

  /** The region's child regions (codes of {@code childLength} digits), by child. */
  public List<Tally> tallyChildren(String region, int childLength) {
    return tallies(
        "SELECT left(unit_region_code, "
            + childLength
            + "), "
            + COUNTS
            + " AND unit_region_code LIKE :region || '%' AND length(unit_region_code) >= "
            + childLength
            + " GROUP BY 1 ORDER BY 1",
        region);
  }

  @SuppressWarnings("unchecked")
  private List<Tally> tallies(String sql, String region) {
    List<Object[]> rows =
        getEntityManager().createNativeQuery(sql).setParameter("region", region).getResultList();
    return rows.stream()
        .map(r -> new Tally((String) r[0], number(r[1]), number(r[2]), number(r[3])))
        .toList();
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  /** Clocks of a case, limited to units inside the region subtree. */
  public List<ClockEntity> ofCase(UUID caseId, String regionPrefix) {
    return list("caseId = ?1 and unitRegionCode like ?2 order by id", caseId, regionPrefix + "%");
  }

  /** Open clocks of one unit, soonest due first. */
  public List<ClockEntity> openOf(String unitCode, int limit) {
    return find("status = 'OPEN' and unitCode = ?1 order by dueOn, id", unitCode)
        .page(0, limit)
        .list();
  }

  /** Open clocks inside the region subtree, soonest due first. */
  public List<ClockEntity> openIn(String regionPrefix, int limit) {
    return find("status = 'OPEN' and unitRegionCode like ?1 order by dueOn, id", regionPrefix + "%")
        .page(0, limit)
        .list();
  }
}
