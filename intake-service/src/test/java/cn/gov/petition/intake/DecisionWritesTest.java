package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.testing.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What applying routing's decisions writes (issue 32): the consumer applies a poll of decisions in
 * one transaction, flushing every few events (Inbox), and each case's row is updated once, not once
 * per query that happens to flush the session in the middle of its decision.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class DecisionWritesTest {

  @Inject Assignments assignments;
  @Inject EntityManager entityManager;
  @Inject TransactionManager transactions;

  @Test
  void aPollOfDecisionsUpdatesEachCaseOnce() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(Petitions.registered(Petitions.letter()).path("petitionCase.id"));
    }
    transactions.begin();
    try {
      // as the Inbox applies a poll: one transaction, no flush between the events
      for (String id : ids) {
        assignments.apply(Decisions.route(id, "530302:zjj", "麒麟区住房和城乡建设局").decision());
      }
      entityManager.flush();
      Number updates =
          (Number)
              entityManager
                  .createNativeQuery(
                      "SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname ="
                          + " 'petition_case' AND schemaname = current_schema()")
                  .getSingleResult();
      assertEquals(
          ids.size(), updates.longValue(), "updates of petition_case for " + ids.size() + " cases");
    } finally {
      transactions.rollback();
    }
  }
}
