package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.intake.store.CaseRepository;
import cn.gov.petition.intake.store.PetitionCaseEntity;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A case read by one transaction (a repeat's check) and changed by another before the first locks
 * it (routing's decision applied meanwhile): the lock reads it again instead of failing, as it did
 * under load (500 on a repeat, bench/README.md, issue 32).
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class ChangedMeanwhileTest {

  @Inject CaseRepository cases;
  @Inject EntityManager em;
  @Inject TransactionManager transactions;

  @Test
  void aCaseChangedSinceItWasReadIsLockedAndReadAgain() throws Exception {
    UUID id = UUID.fromString(Petitions.registered(Petitions.letter()).path("petitionCase.id"));
    transactions.begin();
    try {
      PetitionCaseEntity read = cases.findById(id);
      int versionRead = read.version;
      CompletableFuture.runAsync(
              () -> {
                try {
                  transactions.begin();
                  // as routing's decision is applied: the unit, whom to inform, why
                  PetitionCaseEntity applied = cases.findById(id);
                  applied.informedUnits.add("530302001:zf");
                  applied.routingExplanation = "applied meanwhile";
                  transactions.commit();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              })
          .get(1, TimeUnit.MINUTES);
      PetitionCaseEntity locked = cases.lockFresh(read);
      assertEquals(id, locked.id);
      assertEquals(versionRead + 1, locked.version, "the lock reads the case as it is now");
      em.flush(); // as the repeat check's next query does: nothing stale is written back
      em.createNativeQuery("SELECT count(*) FROM petitioner").getSingleResult();
    } finally {
      transactions.rollback();
    }
  }
}
