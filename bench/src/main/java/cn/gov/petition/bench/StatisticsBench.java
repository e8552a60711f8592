package cn.gov.petition.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statistics a province is judged by (issue 6: p95 under 100 ms for a province of 10 million
 * cases): a running node of 云南省 whose analytics database holds a year of {@code --cases} registered
 * cases over the province's standard units, each with its acceptance step, most with a handling
 * period and many with an evaluation window (on time, late, open), and the day tallies as the
 * service's migrations build them. Asks every statistics question through the gateway for the last
 * full month, at each level (province, city, county, township), one request at a time, and reports
 * p50/p95/p99.
 *
 * <p>Run: {@code bench/run statistics [--cases 10000000] [--requests 200] [--rounds 1]}.
 */
public final class StatisticsBench {

  private StatisticsBench() {}

  public static void main(String[] args) throws Exception {
    Requests.onYunnanNode(args, "statistics", StatisticsBench::fill, StatisticsBench::ask);
  }

  private static void ask(HttpClient http, String gateway, Map<String, String> tokens, int requests)
      throws Exception {
    String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
    List<String[]> questions =
        List.of(
            new String[] {"rates", "/api/analytics/statistics/rates?region=%s&period=%s"},
            new String[] {
              "rates by region", "/api/analytics/statistics/rates/by-region?region=%s&period=%s"
            },
            new String[] {
              "rates by unit", "/api/analytics/statistics/rates/by-unit?region=%s&period=%s"
            },
            new String[] {
              "ranking of regions",
              "/api/analytics/statistics/rates/ranking?rate=TIMELY_ACCEPTANCE&region=%s&period=%s"
            },
            new String[] {
              "volume by channel",
              "/api/analytics/statistics/volume/by?dimension=CHANNEL&region=%s&period=%s"
            },
            new String[] {
              "volume by category",
              "/api/analytics/statistics/volume/by?dimension=CATEGORY&region=%s&period=%s"
            },
            new String[] {
              "volume by region",
              "/api/analytics/statistics/volume/by?dimension=REGION&region=%s&period=%s"
            },
            new String[] {"indicators", "/api/analytics/statistics/indicators?region=%s&period=%s"},
            new String[] {
              "monthly bulletin", "/api/analytics/statistics/bulletin?region=%s&period=%s"
            },
            new String[] {
              "cases behind a bucket",
              "/api/analytics/statistics/rates/TIMELY_ACCEPTANCE/cases?bucket=LATE&limit=50"
                  + "&region=%s&period=%s"
            });
    System.out.printf("period asked: %s%n", month);
    System.out.printf(
        "%-12s %-24s %8s %8s %8s%n", "region", "question", "p50 ms", "p95 ms", "p99 ms");
    for (String region : List.of("53", "5303", "530302", "530302001")) {
      for (String[] question : questions) {
        String path = question[1].formatted(region, month);
        double[] times = Requests.time(http, gateway + path, tokens.get(region), requests);
        System.out.printf(
            "%-12s %-24s %8.1f %8.1f %8.1f%n",
            region,
            question[0],
            Requests.percentile(times, 50),
            Requests.percentile(times, 95),
            Requests.percentile(times, 99));
      }
    }
  }

  /** A year of cases: petitions, steps, then the day tallies as the migrations build them. */
  private static void fill(Connection db, int cases, String fieldKey) throws Exception {
    long start = System.nanoTime();
    try (Statement sql = db.createStatement()) {
      sql.execute("SET search_path TO analytics");
    }
    int n = Requests.yunnanUnits(db);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    System.out.printf(
        "filling: %,d cases over the %,d units of 云南省, received in the year to %s%n",
        cases, n, today);
    String categories =
        "(ARRAY['0101','0102','0103','0104','0105','0106','0201','0202','0203','0204','0301',"
            + "'0302','0303','0401','0402','0403','0501','0502','0601','0602','0701','0702',"
            + "'0801','0802','0901','0902','1001','1002','1101','1102'])";
    int chunk = 1_000_000;
    try (Statement sql = db.createStatement()) {
      sql.execute("SET search_path TO analytics");
      sql.execute("DROP INDEX IF EXISTS step_fact_open"); // rebuilt below, faster than kept
      for (int from = 1; from <= cases; from += chunk) {
        int to = Math.min(cases, from + chunk - 1);
        String series =
            " FROM (SELECT i, current_date - (i %% 365) AS day FROM generate_series(%d, %d) AS i) g"
                    .formatted(from, to)
                + " JOIN bench_unit u ON u.n = i %% %d".formatted(n);
        sql.execute(
            "INSERT INTO petition_fact (case_id, case_number, day, matter_region_code, repeat,"
                + " channel, category, petition_class, purpose, person_count, collective,"
                + " registering_region, chain_id, escalated)"
                + " SELECT md5(i::text)::uuid, u.region || '-' || i, day, u.region, i % 5 = 0,"
                + " (ARRAY['LETTER','VISIT','ONLINE','PHONE','FAX','MOBILE'])[1 + i % 6],"
                + categories
                + "[1 + i % 30],"
                + " (ARRAY['SUGGESTION','ACCUSATION','APPEAL'])[1 + i % 3],"
                + " (ARRAY['SEEK_SOLUTION','COMPLAINT','SUGGEST','OTHER'])[1 + i % 4],"
                + " CASE WHEN i % 97 = 0 THEN 6 ELSE 1 END, i % 97 = 0,"
                + " CASE WHEN i % 50 = 0 THEN '53' ELSE u.region END, md5(i::text)::uuid,"
                + " i % 50 = 0 AND i % 3 = 0"
                + series);
        // acceptance: 15 days, 70 % on time, 20 % late, 10 % open, on every day alike (by
        // i / 365: i % 10 would tie lateness to the day i % 365, whole days without a late one)
        sql.execute(
            "INSERT INTO step_fact (case_id, case_number, step, unit_code, unit_region_code,"
                + " started_on, due_on, done_on, on_time)"
                + " SELECT md5(i::text)::uuid, u.region || '-' || i, 'ACCEPT', u.unit_code,"
                + " u.region, day, day + 15,"
                + " CASE WHEN i / 365 % 10 < 7 THEN day + 15 - i % 5"
                + " WHEN i / 365 % 10 < 9 THEN day + 17 END,"
                + " CASE WHEN i / 365 % 10 < 7 THEN true WHEN i / 365 % 10 < 9 THEN false END"
                + series);
        // handling: 60 days, for the accepted, 80 % on time
        sql.execute(
            "INSERT INTO step_fact (case_id, case_number, step, unit_code, unit_region_code,"
                + " started_on, due_on, done_on, on_time)"
                + " SELECT md5(i::text)::uuid, u.region || '-' || i, 'HANDLE', u.unit_code,"
                + " u.region, day + 15, day + 75,"
                + " CASE WHEN day + 75 > current_date AND i % 4 = 0 THEN NULL"
                + " WHEN i % 5 < 4 THEN day + 70 ELSE day + 80 END,"
                + " CASE WHEN day + 75 > current_date AND i % 4 = 0 THEN NULL ELSE i % 5 < 4 END"
                + series
                + " WHERE i % 10 < 9");
        // evaluation: 7 days after the opinion, half answered
        sql.execute(
            "INSERT INTO step_fact (case_id, case_number, step, unit_code, unit_region_code,"
                + " started_on, due_on, done_on, on_time, outcome)"
                + " SELECT md5(i::text)::uuid, u.region || '-' || i, 'EVALUATE', u.unit_code,"
                + " u.region, day + 70, day + 77,"
                + " CASE WHEN i % 2 = 0 THEN day + 72 END, CASE WHEN i % 2 = 0 THEN true END,"
                + " CASE WHEN i % 2 = 0 THEN"
                + " (ARRAY['SATISFIED','BASICALLY_SATISFIED','UNSATISFIED'])[1 + i % 3] END"
                + series
                + " WHERE i % 10 < 6 AND day + 70 <= current_date");
        System.out.printf("  %,d cases written%n", to);
      }
      sql.execute(
          "CREATE UNIQUE INDEX step_fact_open ON step_fact (case_id, step) WHERE done_on IS NULL");
      sql.execute(
          "INSERT INTO daily_volume (day, region_code, channel, cases, persons)"
              + " SELECT day, matter_region_code, channel, count(*), sum(person_count)"
              + " FROM petition_fact GROUP BY 1, 2, 3");
      System.out.printf("facts written in %.0f s%n", (System.nanoTime() - start) / 1e9);
      // the day tallies, by the same statements as the V9, V10 and V15 migrations
      sql.execute("TRUNCATE fact_tally, petition_tally");
      for (String statement : tallyStatements()) {
        sql.execute(statement);
      }
    }
    System.out.printf("filled in %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  /** The INSERT statements of the migrations that seed the tallies from the facts. */
  private static List<String> tallyStatements() throws Exception {
    List<String> statements = new ArrayList<>();
    for (String script :
        List.of(
            "V9__fact_tallies.sql",
            "V10__petition_tallies.sql",
            "V15__case_list_order_and_persons.sql")) {
      try (var in = StatisticsBench.class.getResourceAsStream("/db/migration/" + script)) {
        if (in == null) {
          throw new IllegalStateException(script + " is not on the class path");
        }
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder withoutComments = new StringBuilder();
        for (String line : text.split("\n")) {
          int comment = line.indexOf("--");
          withoutComments.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        for (String statement : withoutComments.toString().split(";")) {
          if (statement.strip().startsWith("INSERT")) {
            statements.add(statement.strip());
          }
        }
      }
    }
    return statements;
  }
}
