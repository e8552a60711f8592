package cn.gov.petition.supervision.store;

import cn.gov.petition.supervision.LetterKind;
import cn.gov.petition.supervision.LetterStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<LetterEntity, UUID> {

  /** The next running number of a kind for an issuing region in a year. */
  public int nextSeq(String issuerRegion, LetterKind kind, int year) {
    // one issuer numbers one kind at a time: the lock lasts until the transaction ends
    getEntityManager()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
        .setParameter("key", issuerRegion + "/" + kind + "/" + year)
        .getSingleResult();
    Integer max =
        getEntityManager()
            .createQuery(
                "select max(l.seq) from LetterEntity l where l.issuerRegion = ?1 and l.kind = ?2"
                    + " and l.year = ?3",
                Integer.class)
            .setParameter(1, issuerRegion)
            .setParameter(2, kind)
            .setParameter(3, year)
            .getSingleResult();
    return max == null ? 1 : max + 1;
  }

  /** Letters to units inside the region subtree, newest first, optionally of one status. */
  public List<LetterEntity> toSubtree(String regionPrefix, LetterStatus status) {
    return status == null
        ? list("recipientRegion like ?1 order by issuedOn desc, id", regionPrefix + "%")
        : list(
            "recipientRegion like ?1 and status = ?2 order by issuedOn desc, id",
            regionPrefix + "%",
            status);
  }

  /** Letters to one unit, newest first, optionally of one status. */
  public List<LetterEntity> toUnit(String unitCode, LetterStatus status) {
    return status == null
        ? list("recipientUnit = ?1 order by issuedOn desc, id", unitCode)
        : list("recipientUnit = ?1 and status = ?2 order by issuedOn desc, id", unitCode, status);
  }

  /** Outstanding letters whose reply was due before today. */
  public List<LetterEntity> unansweredPast(LocalDate today) {
    return list("status = ?1 and replyDueOn < ?2", LetterStatus.OUTSTANDING, today);
  }
}
