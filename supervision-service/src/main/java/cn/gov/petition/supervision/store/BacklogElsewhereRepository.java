package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.BacklogStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BacklogElsewhereRepository
    implements PanacheRepositoryBase<BacklogElsewhereEntity, UUID> {

  /**
   * Entries of cases of units inside the region subtree, oldest first, optionally of one status.
   */
  public List<BacklogElsewhereEntity> inSubtree(
      String regionPrefix, BacklogStatus status, int limit) {
    String query =
        "unitRegionCode like ?1"
            + (status == null ? "" : " and status = ?2")
            + " order by listedOn, id";
    return (status == null
            ? find(query, regionPrefix + "%")
            : find(query, regionPrefix + "%", status))
        .page(0, limit)
        .list();
  }

  /** The case moved to a unit of another region: what is followed here follows it too. */
  public void followCase(UUID caseId, String unitCode, String unitRegionCode) {
    update(
        "unitCode = ?1, unitRegionCode = ?2 where caseId = ?3", unitCode, unitRegionCode, caseId);
  }
}
