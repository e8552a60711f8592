package cn.gov.petition.common.tx;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether a failure means the database cannot take work now, rather than that the work is wrong:
 * read-only (SQL state 25006, a full disk or a failover leaves it so), out of disk, memory or
 * connections (class 53), unreachable or shutting down (class 08, 57P01..57P03). Such a failure
 * changed nothing (the transaction rolled back) and the same work succeeds later: a request gets
 * 503, a consumer waits and applies its poll again, never dead-letters it.
 */
public final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  /** Why the database cannot take work, from the first SQL state in the chain; empty otherwise. */
  public static Optional<String> why(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("25006")) {
          return Optional.of("read-only");
        }
        if (state.equals("53100")) {
          return Optional.of("disk full");
        }
        if (state.startsWith("53")) {
          return Optional.of("out of resources");
        }
        if (state.startsWith("08") || state.startsWith("57P")) {
          return Optional.of("unreachable");
        }
      }
    }
    return Optional.empty();
  }
}
