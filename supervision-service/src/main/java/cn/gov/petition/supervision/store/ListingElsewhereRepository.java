package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.ListingStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ListingElsewhereRepository
    implements PanacheRepositoryBase<ListingElsewhereEntity, UUID> {

  /** Listings of targets inside the region subtree, newest first, optionally of one status. */
  public List<ListingElsewhereEntity> inSubtree(String regionPrefix, ListingStatus status) {
    return status == null
        ? list("targetRegion like ?1 order by listedOn desc, id", regionPrefix + "%")
        : list(
            "targetRegion like ?1 and status = ?2 order by listedOn desc, id",
            regionPrefix + "%",
            status);
  }
}
