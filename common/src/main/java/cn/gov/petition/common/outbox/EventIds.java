package cn.gov.petition.common.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The ids of published events. An event published in reaction to something that can happen again,
 * an incoming event applied a second time or a deadline passed a second time (after a node's
 * database is restored from a backup and the node catches up from Kafka: docs/backup.md), gets an
 * id derived from that cause and its place among the events the cause published, so the second time
 * publishes the same ids and every inbox downstream skips them. Other events get random ids.
 */
public final class EventIds {

  private static final ThreadLocal<Cause> CURRENT = new ThreadLocal<>();

  private EventIds() {}

  /**
   * Runs {@code work} with the events it publishes named after {@code cause}.
   *
   * @param cause what the events react to, the same each time it happens again: a consumer and the
   *     id of the event it applies, or a deadline's case, step, due date and alert
   */
  public static <T> T derivedFrom(String cause, Supplier<T> work) {
    Cause outer = CURRENT.get();
    CURRENT.set(new Cause(cause));
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Runs {@code work} with the events it publishes named after {@code cause}. */
  public static void derivedFrom(String cause, Runnable work) {
    derivedFrom(
        cause,
        () -> {
          work.run();
          return null;
        });
  }

  /** The id of the next event published on this thread. */
  static UUID next() {
    Cause cause = CURRENT.get();
    return cause == null ? UUID.randomUUID() : cause.next();
  }

  private static final class Cause {
    private final String name;
    private int published;

    Cause(String name) {
      this.name = name;
    }

    UUID next() {
      return UUID.nameUUIDFromBytes((name + "#" + published++).getBytes(StandardCharsets.UTF_8));
    }
  }
}
