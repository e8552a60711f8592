package cn.gov.petition.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
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

  public Optional<PetitionCaseEntity> findByIdempotencyKey(String key) {
    return find("idempotencyKey", key).firstResultOptional();
  }

  public Optional<PetitionCaseEntity> findByQueryCode(String queryCode) {
    return find("queryCode", queryCode).firstResultOptional();
  }

  public Optional<PetitionCaseEntity> findByCaseNumber(String caseNumber) {
    return find("caseNumber", caseNumber).firstResultOptional();
  }

  /** The next number of the region's daily sequence, taken atomically. */
  public int nextSequence(String regionCode, LocalDate day) {
    Object value =
        getEntityManager()
            .createNativeQuery(
                "INSERT INTO case_number_sequence (region_code, day, last_value) VALUES (:r, :d, 1) "
                    + "ON CONFLICT (region_code, day) DO UPDATE "
                    + "SET last_value = case_number_sequence.last_value + 1 RETURNING last_value")
            .setParameter("r", regionCode)
            .setParameter("d", day)
            .getSingleResult();
    return ((Number) value).intValue();
  }
}
