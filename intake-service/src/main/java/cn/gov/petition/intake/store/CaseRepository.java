package cn.gov.petition.intake.store;

import cn.gov.petition.common.crypto.FieldCipher;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<PetitionCaseEntity, UUID> {

  /** A transaction-scoped PostgreSQL advisory lock on the key (released at commit or rollback). */
  public void lockIdempotencyKey(String key) {
    getEntityManager()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .setParameter("key", key)
        .getSingleResult();
  }

  /**
   * The case, already read in this transaction, locked and read again as a new instance (use the
   * one returned): another transaction may have changed it since (a routing decision applied
   * meanwhile), and a lock taken on the instance already read would fail on the changed version.
   * Nothing of the instance read may be changed and unsaved.
   */
  public PetitionCaseEntity lockFresh(PetitionCaseEntity c) {
    getEntityManager().detach(c);
    return findById(c.id, LockModeType.PESSIMISTIC_WRITE);
  }

  public Optional<PetitionCaseEntity> findByIdempotencyKey(String key) {
    return find("idempotencyKey", key).firstResultOptional();
  }

  /**
   * The case with this query code, by its digests under every key ({@link FieldCipher#digests}).
   */
  public Optional<PetitionCaseEntity> findByQueryCodeDigest(Collection<String> digests) {
    return find("queryCodeDigest in ?1", digests).firstResultOptional();
  }

  /**
   * Earlier cases about a matter in the county in which one of the petitioners is the same person:
   * the same ID number or phone, or the same name at the same address (all by their keyed digests).
   * Newest first (on one day, by case number), at most {@code limit}.
   */
  public List<PetitionCaseEntity> samePetitioner(
      String county,
      Collection<String> idDigests,
      Collection<String> phoneDigests,
      Collection<String> nameAndAddressDigests,
      int limit) {
    // the petitioner's digests first, by their indexes, then those few cases: never the county's
    // cases one by one (a plan PostgreSQL chose while an import grew the tables faster than it
    // analysed them, bench/README.md)
    @SuppressWarnings("unchecked")
    List<PetitionCaseEntity> found =
        getEntityManager()
            .createNativeQuery(
                "WITH same AS MATERIALIZED (SELECT DISTINCT case_id FROM petitioner"
                    + " WHERE id_number_digest = ANY(?1) OR phone_digest = ANY(?2)"
                    + " OR name_address_digest = ANY(?3))"
                    + " SELECT c.* FROM petition_case c JOIN same ON same.case_id = c.id"
                    // former cases of one day are all registered at 09:00 of it (ActingDay): the
                    // day's case numbers, taken in the order they came, break the tie
                    + " WHERE c.matter_region_code LIKE ?4"
                    + " ORDER BY c.registered_at DESC, c.case_number DESC LIMIT ?5",
                PetitionCaseEntity.class)
            .setParameter(1, idDigests.toArray(String[]::new))
            .setParameter(2, phoneDigests.toArray(String[]::new))
            .setParameter(3, nameAndAddressDigests.toArray(String[]::new))
            .setParameter(4, county + "%")
            .setParameter(5, limit)
            .getResultList();
    return found;
  }

  /** The case imported under this number of the former system (docs/migration.md). */
  public Optional<PetitionCaseEntity> findByOldCaseNumber(String oldCaseNumber) {
    return find("oldCaseNumber", oldCaseNumber).firstResultOptional();
  }

  public Optional<PetitionCaseEntity> findByCaseNumber(String caseNumber) {
    return find("caseNumber", caseNumber).firstResultOptional();
  }

  private static final java.util.regex.Pattern CASE_NUMBER =
      java.util.regex.Pattern.compile("(\\d{2,9})-(\\d{8})-(\\d{5})");

  /**
   * Keeps a case number that this database does not hold from being issued again: the node's
   * database was restored from a backup taken before the case was registered (docs/backup.md), and
   * the case's events, read again from Kafka, name it. The region's sequence of that day moves past
   * it.
   *
   * @return false if it is no case number of this platform
   */
  public boolean keepNumber(String caseNumber) {
    var number = CASE_NUMBER.matcher(caseNumber == null ? "" : caseNumber);
    if (!number.matches()) {
      return false;
    }
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO case_number_sequence (region_code, day, last_value) VALUES (:r, :d, :n) "
                + "ON CONFLICT (region_code, day) DO UPDATE "
                + "SET last_value = GREATEST(case_number_sequence.last_value, :n)")
        .setParameter("r", number.group(1))
        .setParameter(
            "d",
            LocalDate.parse(number.group(2), java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
        .setParameter("n", Integer.parseInt(number.group(3)))
        .executeUpdate();
    return true;
  }
}
