package cn.gov.petition.supervision.store;

import cn.gov.petition.contracts.Step;
import cn.gov.petition.supervision.ClockStatus;
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

  /** The latest clock of a step that is done (on time or late), for a correction. */
  /**
   * The latest done clock of the step; of a step several units owe at once (协办), the unit's ({@code
   * unitCode} null from an older sender: any).
   */
  public Optional<ClockEntity> latestDone(UUID caseId, Step step, String unitCode) {
    return find(
            "caseId = ?1 and step = ?2 and status <> ?3"
                + ofUnit(step, unitCode)
                + " order by id desc",
            params(caseId, step, ClockStatus.OPEN, unitCode))
        .firstResultOptional();
  }

  /** The open clock of the step; of a step several units owe at once (协办), the unit's. */
  public Optional<ClockEntity> open(UUID caseId, Step step, String unitCode) {
    return find(
            "caseId = ?1 and step = ?2 and status = ?3" + ofUnit(step, unitCode),
            params(caseId, step, ClockStatus.OPEN, unitCode))
        .firstResultOptional();
  }

  private static String ofUnit(Step step, String unitCode) {
    return step.isPerUnit() && unitCode != null ? " and unitCode = ?4" : "";
  }

  private static Object[] params(UUID caseId, Step step, ClockStatus status, String unitCode) {
    return step.isPerUnit() && unitCode != null
        ? new Object[] {caseId, step, status, unitCode}
        : new Object[] {caseId, step, status};
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

  /** Clocks of a case, limited to units inside the region subtree. */
  public List<ClockEntity> ofCase(UUID caseId, String regionPrefix) {
    return list("caseId = ?1 and unitRegionCode like ?2 order by id", caseId, regionPrefix + "%");
  }

  /** Open clocks of one unit, soonest due first. */
  public List<ClockEntity> openOf(String unitCode, int limit) {
    return find("status = ?1 and unitCode = ?2 order by dueOn, id", ClockStatus.OPEN, unitCode)
        .page(0, limit)
        .list();
  }

  /**
   * Open clocks inside the region subtree, soonest due first, each level read in the order of an
   * index (V10): a township's own units, a county's by the first six digits of their region, a city
   * or the province along all open steps by due date.
   */
  @SuppressWarnings("unchecked")
  public List<ClockEntity> openIn(String region, int limit) {
    String where =
        switch (region.length()) {
          case 9 -> "unit_region_code = :region";
          case 6 -> "left(unit_region_code, 6) = :region";
          default -> "unit_region_code LIKE :region || '%'";
        };
    return getEntityManager()
        .createNativeQuery(
            "SELECT * FROM statutory_clock WHERE status = 'OPEN' AND "
                + where
                + " ORDER BY due_on, id LIMIT :limit",
            ClockEntity.class)
        .setParameter("region", region)
        .setParameter("limit", limit)
        .getResultList();
  }
}
