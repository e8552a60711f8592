package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.BacklogStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BacklogRepository implements PanacheRepositoryBase<BacklogEntity, UUID> {

  /** Backlog cases held inside the region subtree, oldest on the list first, at most limit. */
  public List<BacklogEntity> inSubtree(String regionPrefix, BacklogStatus status, int limit) {
    String query =
        "from BacklogEntity b join fetch b.standing where b.unitRegionCode like ?1"
            + (status == null ? "" : " and b.status = ?2")
            + " order by b.listedOn, b.id";
    return (status == null
            ? find(query, regionPrefix + "%")
            : find(query, regionPrefix + "%", status))
        .page(0, limit)
        .list();
  }

  /** The case moved to a unit of another region: its backlog entries follow it. */
  public void followCase(UUID caseId, String unitRegionCode) {
    update("unitRegionCode = ?1 where standing.caseId = ?2", unitRegionCode, caseId);
  }

  public boolean isOpen(UUID caseId) {
    return count("standing.caseId = ?1 and status = ?2", caseId, BacklogStatus.OPEN) > 0;
  }

  /**
   * Open cases of the subtree that are backlog by the rules (a step of the unit responsible, not an
   * assisting unit's 协办, overdue or done late, or petitioned again at least {@code repeats} times)
   * and not on the list yet, longest known first.
   */
  @SuppressWarnings("unchecked")
  public List<CaseEntity> candidates(String regionPrefix, int repeats, LocalDate today, int limit) {
    return getEntityManager()
        .createNativeQuery(
            "SELECT c.* FROM supervised_case c"
                + " WHERE NOT c.ended AND c.unit_region_code LIKE :prefix"
                + " AND (c.repeat_count >= :repeats OR EXISTS (SELECT 1 FROM statutory_clock k"
                + "   WHERE k.case_id = c.case_id AND NOT k.petitioner_window AND k.step <> 'ASSIST'"
                + "   AND (k.status = 'LATE' OR (k.status = 'OPEN' AND k.due_on < :today))))"
                + " AND NOT EXISTS (SELECT 1 FROM backlog_case b"
                + "   WHERE b.case_id = c.case_id AND b.status = 'OPEN')"
                + " ORDER BY c.first_seen_on, c.case_id LIMIT :limit",
            CaseEntity.class)
        .setParameter("prefix", regionPrefix + "%")
        .setParameter("repeats", repeats)
        .setParameter("today", today)
        .setParameter("limit", limit)
        .getResultList();
  }
}
