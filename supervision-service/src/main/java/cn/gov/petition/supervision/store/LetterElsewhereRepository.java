package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.LetterStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LetterElsewhereRepository
    implements PanacheRepositoryBase<LetterElsewhereEntity, UUID> {

  /** Letters to units inside the region subtree, newest first, optionally of one status. */
  public List<LetterElsewhereEntity> toSubtree(String regionPrefix, LetterStatus status) {
    return status == null
        ? list("recipientRegion like ?1 order by issuedOn desc, id", regionPrefix + "%")
        : list(
            "recipientRegion like ?1 and status = ?2 order by issuedOn desc, id",
            regionPrefix + "%",
            status);
  }

  /** Letters to one unit, newest first, optionally of one status. */
  public List<LetterElsewhereEntity> toUnit(String unitCode, LetterStatus status) {
    return status == null
        ? list("recipientUnit = ?1 order by issuedOn desc, id", unitCode)
        : list("recipientUnit = ?1 and status = ?2 order by issuedOn desc, id", unitCode, status);
  }
}
