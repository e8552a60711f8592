package cn.gov.petition.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  private static List<UUID> publishTwice(String cause) {
    return EventIds.derivedFrom(cause, () -> List.of(EventIds.next(), EventIds.next()));
  }

  @Test
  void theSameCauseHappeningAgainPublishesTheSameIdsInTheSameOrder() {
    List<UUID> first = publishTwice("routing:3f1c");
    List<UUID> again = publishTwice("routing:3f1c");
    assertEquals(first, again);
    assertNotEquals(first.get(0), first.get(1), "two events of one cause");
    assertNotEquals(first, publishTwice("routing:3f1d"), "another cause");
  }

  @Test
  void aNestedCauseNamesItsOwnEventsAndTheOuterOneGoesOnAfterIt() {
    List<UUID> plain = publishTwice("outer");
    List<UUID> nested =
        EventIds.derivedFrom(
            "outer",
            () -> {
              UUID first = EventIds.next();
              UUID inner = EventIds.derivedFrom("inner", EventIds::next);
              return List.of(first, EventIds.next(), inner);
            });
    assertEquals(plain, nested.subList(0, 2));
    assertEquals(publishTwice("inner").get(0), nested.get(2));
  }

  @Test
  void withoutACauseEveryIdIsNew() {
    assertNotEquals(EventIds.next(), EventIds.next());
    publishTwice("done");
    assertNotEquals(EventIds.next(), EventIds.next(), "the cause ends with its work");
  }
}
