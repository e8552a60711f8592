package cn.gov.petition.testing;

import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.contracts.RoutingRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Routing requests as the benches send them (RouterBench in-process, RoutingLatencyBench on Kafka).
 */
public final class RoutingRequests {

  private RoutingRequests() {}

  /**
   * Routing requests spread over every township (whose code starts with {@code prefix}) and every
   * category, 1 in 50 an accusation.
   */
  public static List<RoutingRequested> spread(DivisionTable divisions, int count, String prefix) {
    List<String> all =
        divisions.all().stream()
            .filter(d -> d.level() == Division.Level.TOWNSHIP && d.code().startsWith(prefix))
            .map(Division::code)
            .toList();
    List<String> categories =
        Categories.table().all().stream().filter(c -> !c.isTopLevel()).map(c -> c.code()).toList();
    Random random = new Random(42);
    List<RoutingRequested> requests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String township = all.get(random.nextInt(all.size()));
      boolean accusation = i % 50 == 0;
      requests.add(
          new RoutingRequested(
              "c-" + i,
              "n-" + i,
              "LETTER",
              accusation ? "ACCUSATION" : "APPEAL",
              "SEEK_SOLUTION",
              township,
              categories.get(random.nextInt(categories.size())),
              township.substring(0, 6) + ":xfj",
              1 + random.nextInt(8),
              false,
              null,
              accusation
                  ? List.of(new RoutingRequested.AccusedUnit(township + ":zf", i % 100 == 0))
                  : List.of(),
              List.of(township)));
    }
    return requests;
  }
}
