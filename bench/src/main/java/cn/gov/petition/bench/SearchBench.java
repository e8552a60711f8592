package cn.gov.petition.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finding cases (issue 28: a county's query p95 under 200 ms, a case number under 100 ms, at each
 * level, on 10 million cases): a running node of 云南省 whose intake database holds {@code --cases}
 * cases over the province's units, received over ten years, each with its step due next. Asks the
 * case list and the queues through the gateway, as a clerk's page does, at each level (province,
 * city, county, township), one request at a time, and reports p50/p95/p99.
 *
 * <p>Run: {@code bench/run search [--cases 10000000] [--requests 200]}.
 */
public final class SearchBench {

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    Requests.onYunnanNode(args, "search", SearchBench::fill, SearchBench::ask);
  }

  private static void ask(HttpClient http, String gateway, Map<String, String> tokens, int requests)
      throws Exception {
    List<String[]> questions =
        List.of(
            new String[] {"newest first", "/api/intake/cases?region=%s"},
            new String[] {
              "a category, due in 7 days", "/api/intake/cases?region=%s&category=01&dueWithin=7"
            },
            new String[] {
              "overdue, soonest first", "/api/intake/cases?region=%s&overdue=true&sort=dueOn"
            },
            new String[] {
              "received last month", "/api/intake/cases?region=%s&receivedFrom=%s&receivedTo=%s"
            },
            new String[] {"by case number", "/api/intake/cases?caseNumber=%s"},
            new String[] {"what the region owes", "/api/intake/queue?region=%s"});
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    String from = today.minusMonths(1).withDayOfMonth(1).toString();
    String to = today.withDayOfMonth(1).minusDays(1).toString();
    System.out.printf(
        "%-12s %-28s %8s %8s %8s%n", "caller", "question", "p50 ms", "p95 ms", "p99 ms");
    for (String level : List.of("53", "5303", "530302", "530302001")) {
      for (String[] question : questions) {
        String path =
            question[0].equals("by case number")
                ? question[1].formatted(caseNumberIn(level))
                : question[1].formatted(level, from, to);
        double[] times = Requests.time(http, gateway + path, tokens.get(level), requests);
        System.out.printf(
            "%-12s %-28s %8.1f %8.1f %8.1f%n",
            level,
            question[0],
            Requests.percentile(times, 50),
            Requests.percentile(times, 95),
            Requests.percentile(times, 99));
      }
    }
  }

  /** A case number the fill gave a case of the region. */
  private static String caseNumberIn(String level) {
    return NUMBERS.getOrDefault(level, "53-20260101-00001");
  }

  /** One filled case number per level, kept by the fill for the questions. */
  private static final Map<String, String> NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Cases and their next steps, written by SQL over the province's units: every column the table
   * requires gets a value of its type unless the bench names it, so that the fill follows the
   * migrations. The content is not real ciphertext: the list never reads it (nor should the bench
   * open a case).
   */
  private static void fill(Connection db, int cases) throws Exception {
    long start = System.nanoTime();
    try (Statement sql = db.createStatement()) {
      sql.execute("SET search_path TO intake");
    }
    int n = Requests.yunnanUnits(db);
    System.out.printf("filling: %,d cases over the %,d units of 云南省%n", cases, n);
    String rule;
    try (Statement sql = db.createStatement();
        ResultSet r = sql.executeQuery("SELECT min(id) FROM deadline_rule WHERE step = 'HANDLE'")) {
      r.next();
      rule = r.getString(1);
    }
    String day = "(current_date - (i % 3650))";
    String number =
        "u.region || '-' || to_char("
            + day
            + ", 'YYYYMMDD') || '-' || lpad((i / 3650 % 100000)::text, 5, '0')";
    Map<String, String> caseColumns =
        Map.ofEntries(
            Map.entry("id", "md5('c' || i)::uuid"),
            Map.entry("case_number", number),
            Map.entry("query_code", "md5('q' || i)"),
            Map.entry("query_code_digest", "md5('d' || i)"),
            Map.entry(
                "channel", "CASE i % 4 WHEN 0 THEN 'VISIT' WHEN 1 THEN 'ONLINE' ELSE 'LETTER' END"),
            Map.entry("received_on", day),
            Map.entry("registered_at", day + "::timestamptz + interval '9 hours'"),
            Map.entry("registering_unit", "u.unit_code"),
            Map.entry("registered_by", "'bench'"),
            Map.entry("matter_region_code", "u.region"),
            Map.entry(
                "category",
                "CASE i % 5 WHEN 0 THEN '0105' WHEN 1 THEN '0201' WHEN 2 THEN '0301' ELSE '0102' END"),
            Map.entry("content", "'bench'"),
            Map.entry("person_count", "1"),
            Map.entry("status", "CASE WHEN i % 3650 < 60 THEN 'ACCEPTED' ELSE 'CLOSED' END"),
            Map.entry("handling_unit", "u.unit_code"),
            Map.entry("handling_region", "u.region"),
            Map.entry("petition_class", "CASE WHEN i % 50 = 0 THEN 'ACCUSATION' ELSE 'APPEAL' END"),
            Map.entry("collective", "i % 40 = 0"));
    Map<String, String> stepColumns =
        Map.ofEntries(
            Map.entry("case_id", "md5('c' || i)::uuid"),
            Map.entry("step", "'HANDLE'"),
            Map.entry("unit_code", "u.unit_code"),
            Map.entry("unit_region_code", "u.region"),
            Map.entry("started_on", day),
            Map.entry("due_on", day + " + 60"),
            Map.entry("rule_id", rule),
            Map.entry("days", "60"));
    String caseInsert = insert(db, "petition_case", caseColumns);
    String stepInsert = insert(db, "case_step", stepColumns);
    int chunk = 1_000_000;
    try (Statement sql = db.createStatement()) {
      for (int from = 1; from <= cases; from += chunk) {
        int to = Math.min(cases, from + chunk - 1);
        String series =
            " FROM generate_series(%d, %d) AS i JOIN bench_unit u ON u.n = i %% %d"
                .formatted(from, to, n);
        sql.execute(caseInsert + series + " ON CONFLICT DO NOTHING");
        // the open steps of the cases still in the procedure (received in the last 60 days)
        sql.execute(
            stepInsert
                + series
                + " WHERE i % 3650 < 60 AND EXISTS (SELECT 1 FROM petition_case c"
                + " WHERE c.id = md5('c' || i)::uuid)");
        System.out.printf("  %,d cases%n", to);
      }
      for (String level : List.of("53", "5303", "530302", "530302001")) {
        try (ResultSet r =
            sql.executeQuery(
                "SELECT case_number FROM petition_case WHERE matter_region_code LIKE '"
                    + level
                    + "%' LIMIT 1")) {
          if (r.next()) {
            NUMBERS.put(level, r.getString(1));
          }
        }
      }
    }
    System.out.printf("filled in %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  /**
   * {@code INSERT INTO table (...) SELECT ...}: the named columns with their expressions, and every
   * other column that is required and has no default with a value of its type.
   */
  private static String insert(Connection db, String table, Map<String, String> named)
      throws Exception {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    try (Statement sql = db.createStatement();
        ResultSet r =
            sql.executeQuery(
                "SELECT column_name, data_type, is_nullable, column_default"
                    + " FROM information_schema.columns WHERE table_schema = 'intake'"
                    + " AND table_name = '"
                    + table
                    + "' ORDER BY ordinal_position")) {
      while (r.next()) {
        String column = r.getString(1);
        if (named.containsKey(column)) {
          columns.add(column);
          values.add(named.get(column));
        } else if ("NO".equals(r.getString(3)) && r.getString(4) == null) {
          columns.add(column);
          values.add(
              switch (r.getString(2)) {
                case "boolean" -> "false";
                case "integer", "bigint", "smallint", "numeric", "double precision" -> "0";
                case "date" -> "current_date";
                case "timestamp with time zone" -> "now()";
                case "uuid" -> "md5('x' || i)::uuid";
                case "ARRAY" -> "'{}'";
                default -> "'BENCH'";
              });
        }
      }
    }
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") SELECT "
        + String.join(", ", values);
  }
}
