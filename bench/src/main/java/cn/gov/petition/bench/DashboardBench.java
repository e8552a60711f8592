package cn.gov.petition.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

/**
 * The joint-meeting office's dashboards (issue 5: p95 under 100 ms for a province of 10 million
 * cases): a running node of 云南省 whose supervision database holds {@code --cases} open cases, each
 * with an open step owed by one of the province's units (the standard units of every region of 53),
 * some warned or overdue, a year of daily figures for every unit, a backlog of a few thousand and
 * changes not yet folded into the tallies. Asks every dashboard question through the gateway, as
 * the dashboard does, at each level (province, city, county, township), one request at a time, and
 * reports p50/p95/p99.
 *
 * <p>Run: {@code bench/run dashboards [--cases 10000000] [--requests 200] [--rounds 1]}.
 */
public final class DashboardBench {

  private DashboardBench() {}

  public static void main(String[] args) throws Exception {
    Requests.onYunnanNode(args, "dashboards", DashboardBench::fill, DashboardBench::ask);
  }

  private static void ask(HttpClient http, String gateway, Map<String, String> tokens, int requests)
      throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String week =
        "%d-W%02d"
            .formatted(
                today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    List<String[]> questions =
        List.of(
            new String[] {"deadline board", "/api/supervision/dashboard/deadlines"},
            new String[] {"a unit's open steps", "/api/supervision/clocks?unit=%s&limit=50"},
            new String[] {"open steps, soonest due", "/api/supervision/clocks?limit=50"},
            new String[] {"backlog with owners", "/api/supervision/backlog?status=OPEN"},
            new String[] {"letters outstanding", "/api/supervision/letters?status=OUTSTANDING"},
            new String[] {"listed units", "/api/supervision/listings?status=LISTED"},
            new String[] {"日分析 (one day)", "/api/supervision/dashboard/daily?date=" + today},
            new String[] {"周排名 (one week)", "/api/supervision/dashboard/weekly?week=" + week});
    Map<String, String> busiestUnit =
        Map.of(
            "53", "53:xfj",
            "5303", "5303:rsj",
            "530302", "530302:zjj",
            "530302001", "530302001:zf");
    Requests.askAtEachLevel(
        http,
        gateway,
        tokens,
        requests,
        questions,
        (level, question) -> question[1].formatted(busiestUnit.get(level)));
  }

  /** Cases, clocks, the tallies as the service keeps them, a backlog, pending tally changes. */
  private static void fill(Connection db, int cases, String fieldKey) throws Exception {
    long start = System.nanoTime();
    try (Statement sql = db.createStatement()) {
      sql.execute("SET search_path TO supervision");
    }
    int n = Requests.yunnanUnits(db);
    System.out.printf("filling: %,d cases over the %,d units of 云南省%n", cases, n);
    int chunk = 1_000_000;
    try (Statement sql = db.createStatement()) {
      for (int from = 1; from <= cases; from += chunk) {
        int to = Math.min(cases, from + chunk - 1);
        String series =
            " FROM generate_series(%d, %d) AS i JOIN bench_unit u ON u.n = i %% %d"
                .formatted(from, to, n);
        sql.execute(
            "INSERT INTO supervised_case (case_id, case_number, unit_code, unit_region_code,"
                + " status, ended, mode, repeat_count, report_submitted, first_seen_on,"
                + " last_progress_on)"
                + " SELECT md5(i::text)::uuid, u.region || '-2026-' || i, u.unit_code, u.region,"
                + " 'ACCEPTED', false, 'FORWARD', i % 3, false, current_date - i % 300,"
                + " current_date"
                + series);
        sql.execute(
            "INSERT INTO statutory_clock (case_id, case_number, step, unit_code,"
                + " unit_region_code, started_on, due_on, status, opened_at, petitioner_window,"
                + " stage, next_check_on)"
                + " SELECT md5(i::text)::uuid, u.region || '-2026-' || i, 'HANDLE', u.unit_code,"
                + " u.region, current_date - i % 50, current_date + 10 + i % 50, 'OPEN', now(),"
                + " false, CASE WHEN i % 33 = 0 THEN 'OVERDUE' WHEN i % 20 = 0 THEN 'WARNED'"
                + " ELSE 'RUNNING' END, current_date + 7 + i % 50"
                + series);
        System.out.printf("  %,d cases written%n", to);
      }
      // the tallies as the V8 migration seeds them, then a backlog and unfolded changes
      sql.execute("TRUNCATE clock_tally");
      sql.execute(
          "INSERT INTO clock_tally (unit_code, unit_region_code, open_steps, warned_steps,"
              + " overdue_steps) SELECT unit_code, min(unit_region_code), count(*),"
              + " count(*) FILTER (WHERE stage = 'WARNED'),"
              + " count(*) FILTER (WHERE stage = 'OVERDUE')"
              + " FROM statutory_clock WHERE status = 'OPEN' AND NOT petitioner_window"
              + " GROUP BY unit_code");
      // a year of days, every unit active every day: the day tallies' worst case
      sql.execute(
          "INSERT INTO unit_day_tally (unit_code, day, unit_region_code, done_on_time, done_late,"
              + " fell_overdue) SELECT u.unit_code, current_date - d, u.region, 5 + d % 7, d % 3,"
              + " d % 2 FROM bench_unit u CROSS JOIN generate_series(0, 364) AS d");
      sql.execute(
          "INSERT INTO backlog_case (id, case_id, grounds, leader_name, leader_post, team, plan,"
              + " resolve_by, listed_on, listed_by, listing_region, status, unit_region_code)"
              + " SELECT gen_random_uuid(), c.case_id, 'OVERDUE', '包案领导' || i,"
              + " '副县长', ARRAY['专班成员甲', '专班成员乙'], '化解方案', current_date + 60,"
              + " current_date, 'bench', '53', 'OPEN', c.unit_region_code"
              + " FROM generate_series(1, %d, %d) AS i".formatted(cases, Math.max(1, cases / 3000))
              + " JOIN supervised_case c ON c.case_id = md5(i::text)::uuid");
      sql.execute(
          "INSERT INTO clock_tally_change (unit_code, unit_region_code, open_steps,"
              + " warned_steps, overdue_steps)"
              + " SELECT u.unit_code, u.region, 1, i % 2, 0"
              + " FROM generate_series(1, 20000) AS i JOIN bench_unit u ON u.n = i %% %d"
                  .formatted(n));
    }
    System.out.printf(
        "filled in %.0f s; the board reads the per-unit tallies, not the clocks%n",
        (System.nanoTime() - start) / 1e9);
  }
}
