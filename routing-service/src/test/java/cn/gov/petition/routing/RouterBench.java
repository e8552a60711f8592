package cn.gov.petition.routing;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.contracts.RoutingRequested;
import cn.gov.petition.testing.Machine;
import cn.gov.petition.testing.RoutingRequests;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing rule engine alone (issue 4: over 50,000 decisions/s on this machine): routing
 * requests for every township of the country and every category, decided by {@link Router} with a
 * rule set in the shape of the seeded one, on one thread, no database, no Kafka.
 *
 * <p>Run: {@code bench/run routing [--decisions 2000000]}. It lives beside the rule engine, in
 * routing's test code, because it measures a class of the service in-process; the benches in bench/
 * measure a node from outside (its API, Kafka and database). Not a test: nothing times it in the
 * build.
 */
public final class RouterBench {

  private RouterBench() {}

  public static void main(String[] args) {
    int decisions = 2_000_000;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--decisions")) {
        decisions = Integer.parseInt(args[i + 1]);
      }
    }
    DivisionTable divisions = DivisionTable.national();
    Router router = new Router(divisions, Units.standard(divisions), Clock.systemUTC());
    RuleSet rules = rules();
    List<RoutingRequested> requests = RoutingRequests.spread(divisions, 100_000, "");

    System.out.printf(
        "machine: %s, %d MiB heap%n", Machine.describe(), Runtime.getRuntime().maxMemory() >> 20);
    long sink = 0;
    for (int round = 0; round < 2; round++) { // warm-up
      for (RoutingRequested request : requests) {
        sink += router.decide(request, rules).decision().unitCode().length();
      }
    }
    long start = System.nanoTime();
    for (int i = 0; i < decisions; i++) {
      sink +=
          router.decide(requests.get(i % requests.size()), rules).decision().unitCode().length();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "rule engine alone: %,d decisions in %.2f s = %,.0f decisions/s on one thread (%d)%n",
        decisions, seconds, decisions / seconds, sink % 10);
  }

  /** The seeded rule set's shape: one rule per top-level category, some township rules. */
  private static RuleSet rules() {
    List<AuthorityRule> rules = new ArrayList<>();
    rules.add(new AuthorityRule(1, "*", "*", "zf", null, "其他"));
    String[][] byCategory = {
      {"01", "zjj"},
      {"0103", "zf"},
      {"02", "rsj"},
      {"03", "nync"},
      {"0301", "zf"},
      {"0302", "zf"},
      {"0304", "zf"},
      {"04", "zrzy"},
      {"05", "sthj"},
      {"06", "zfw"},
      {"0601", "gaj"},
      {"07", "wjw"},
      {"08", "jyj"},
      {"09", "jtj"},
      {"10", "mzj"},
      {"11", "scjg"},
      {"12", "jrj"},
      {"13", "jw"},
      {"14", "zzb"}
    };
    long id = 2;
    for (String[] rule : byCategory) {
      rules.add(
          new AuthorityRule(
              id++,
              rule[0],
              "*",
              rule[1],
              rule[0].equals("12") ? Division.Level.CITY : null,
              "bench"));
    }
    return new RuleSet(1, LocalDate.of(2022, 5, 1), rules);
  }
}
