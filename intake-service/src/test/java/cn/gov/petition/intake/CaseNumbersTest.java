package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.intake.store.CaseNumbers;
import cn.gov.petition.testing.PetitionTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 信访件编号: a registration takes its number without waiting for another registration of the same
 * region still being written (ADR 43); numbers keep rising, and one taken by a registration that
 * did not finish stays unused.
 */
@QuarkusTest
@QuarkusTestResource(value = PetitionTestInfrastructure.class, restrictToAnnotatedClass = false)
class CaseNumbersTest {

  @Inject CaseNumbers numbers;
  @Inject TransactionManager transactions;

  private static String registeredNumber() {
    return Petitions.registered(Petitions.letter()).path("petitionCase.caseNumber");
  }

  @Test
  void aRegistrationDoesNotWaitForAnotherOfItsRegionStillBeingWritten() throws Exception {
    String first = registeredNumber(); // e.g. 530302-20261206-00007
    String[] parts = first.split("-");
    String region = parts[0];
    LocalDate day = LocalDate.parse(parts[1], DateTimeFormatter.BASIC_ISO_DATE);
    int n = Integer.parseInt(parts[2]);

    // another registration of the region has taken its number and is still writing its case
    ExecutorService writer = Executors.newSingleThreadExecutor();
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Future<Integer> unfinished =
        writer.submit(
            () -> {
              transactions.begin();
              try {
                int mine = numbers.next(region, day);
                taken.countDown();
                finish.await(2, TimeUnit.MINUTES);
                return mine;
              } finally {
                transactions.rollback(); // it fails: its number is never used
              }
            });
    try {
      if (!taken.await(1, TimeUnit.MINUTES)) {
        unfinished.get(1, TimeUnit.SECONDS); // throws what stopped it
      }
      assertTrue(taken.getCount() == 0, "the other registration took no number");
      String meanwhile =
          CompletableFuture.supplyAsync(CaseNumbersTest::registeredNumber)
              .get(1, TimeUnit.MINUTES); // before the other one ends
      assertEquals(number(region, parts[1], n + 2), meanwhile);
    } finally {
      finish.countDown();
      writer.shutdown();
    }
    assertEquals(n + 1, unfinished.get(1, TimeUnit.MINUTES));
    assertEquals(number(region, parts[1], n + 3), registeredNumber());
  }

  private static String number(String region, String day, int sequence) {
    return region + "-" + day + "-" + String.format("%05d", sequence);
  }
}
