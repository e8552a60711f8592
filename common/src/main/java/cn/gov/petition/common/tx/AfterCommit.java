package cn.gov.petition.common.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Something to do once the current transaction has committed; nothing happens on rollback. */
public record AfterCommit(Runnable action) implements Synchronization {

  /** Runs {@code action} after the current transaction commits. */
  public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
    transactions.registerInterposedSynchronization(new AfterCommit(action));
  }

  @Override
  public void beforeCompletion() {}

  @Override
  public void afterCompletion(int status) {
    if (status == Status.STATUS_COMMITTED) {
      action.run();
    }
  }
}
